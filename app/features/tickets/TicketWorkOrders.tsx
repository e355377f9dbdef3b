import { Link } from 'react-router';
import { StatusBadge } from '../../components/Badges';
import { formatDay, formatTime } from '../../components/format';
import { useCollection } from '../../db/useCollection';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { shownNumber } from '../../components/labels';

/** The ticket's visits, earliest first. */
export function TicketWorkOrders({ ticketId, timeZone }: { ticketId: string; timeZone?: string }) {
  const workOrders = (useCollection('workOrders', { ticketId }) ?? []).sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
  const people = useDocumentsByIds('users', workOrders.map((wo) => wo.assigneeId));
  return (
    <section className="card" aria-labelledby="ticket-wos-title">
      <h2 id="ticket-wos-title">
        Work orders <span className="count">({workOrders.length})</span>
      </h2>
      {workOrders.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="plain-list">
          {workOrders.map((wo) => (
            <li key={wo.id} data-testid="ticket-wo">
              <Link to={`/work-orders/${wo.id}`}>{shownNumber(wo.number)}</Link> · {people.get(wo.assigneeId)?.fullName ?? wo.assigneeId} ·{' '}
              {formatDay(wo.scheduledStart, timeZone)} {formatTime(wo.scheduledStart, timeZone)}–{formatTime(wo.scheduledEnd, timeZone)} <StatusBadge status={wo.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
