import { Link } from 'react-router';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import type { WorkOrder } from '@shared/schemas/work-order';
import { formatDay, formatTime } from '../../components/format';
import { shownNumber } from '../../components/labels';
import { TicketSlaBadge } from '../../components/TicketSlaBadge';
import type { NeedsSlot } from './board-query';

type Props = {
  needsSlot: NeedsSlot | undefined;
  newTickets: readonly Ticket[];
  newTicketCount: number;
  sites: ReadonlyMap<string, Site>;
  people: ReadonlyMap<string, User>;
  titleOf: (wo: WorkOrder) => string;
  timeZone?: string;
  onSchedule: (wo: WorkOrder) => void;
};

/**
 * What still needs a place on someone's day, beside the board: waiting jobs whose slot has passed,
 * open jobs of engineers who are no longer active, and new tickets nobody has been given yet.
 * Finished and cancelled jobs never show here. A job gets its slot through the Move dialog.
 */
export function NeedsSlotList({ needsSlot, newTickets, newTicketCount, sites, people, titleOf, timeZone, onSchedule }: Props) {
  const jobItem = (wo: WorkOrder, why: string) => (
    <li key={wo.id} className="needs-slot__item" data-testid="needs-slot-job" data-id={wo.id}>
      <Link to={`/work-orders/${wo.id}`}>{shownNumber(wo.number)}</Link> · {sites.get(wo.siteId)?.code ?? 'site'} · {titleOf(wo)}
      <span className="hint">
        {why} · {people.get(wo.assigneeId)?.fullName ?? 'unknown engineer'} · was {formatDay(wo.scheduledStart, timeZone)} {formatTime(wo.scheduledStart, timeZone)}
      </span>
      <button type="button" onClick={() => onSchedule(wo)} aria-label={`Schedule ${shownNumber(wo.number)}`}>
        Schedule…
      </button>
    </li>
  );
  const missed = needsSlot?.missed ?? [];
  const orphaned = needsSlot?.orphaned ?? [];
  return (
    <aside className="needs-slot" aria-labelledby="needs-slot-title" data-testid="needs-slot">
      <h2 id="needs-slot-title">Needs a slot</h2>
      {!needsSlot && <p role="status">Loading…</p>}
      {needsSlot && missed.length + orphaned.length === 0 && <p className="muted">Every open job has an engineer and a slot to come.</p>}
      {orphaned.length > 0 && (
        <>
          <h3>Engineer no longer active ({orphaned.length})</h3>
          <ul className="plain-list">{orphaned.map((wo) => jobItem(wo, 'engineer inactive'))}</ul>
        </>
      )}
      {missed.length > 0 && (
        <>
          <h3>
            Slot passed, not started ({missed.length}
            {needsSlot?.moreMissed ? '+' : ''})
          </h3>
          <ul className="plain-list">{missed.map((wo) => jobItem(wo, wo.status === 'on_hold' ? 'on hold' : 'not started'))}</ul>
        </>
      )}
      <h3>New tickets, no engineer yet ({newTicketCount})</h3>
      {newTicketCount === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list">
          {newTickets.map((ticket) => (
            <li key={ticket.id} className="needs-slot__item" data-testid="needs-slot-ticket">
              <Link to={`/tickets/${ticket.id}`}>{shownNumber(ticket.number)}</Link> · {sites.get(ticket.siteId)?.code ?? 'site'} · {ticket.title}
              <TicketSlaBadge ticket={ticket} />
            </li>
          ))}
        </ul>
      )}
      {newTicketCount > newTickets.length && <Link to="/?status=new">All {newTicketCount} in the queue</Link>}
    </aside>
  );
}
