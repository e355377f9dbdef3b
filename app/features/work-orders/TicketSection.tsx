import type { Ticket } from '@shared/schemas/ticket';
import { PriorityBadge } from '../../components/Badges';
import { isProvisionalNumber, shownNumber } from '../../components/labels';
import { describeSlaDue } from '../../components/sla-text';
import { TicketPhotos } from '../../components/TicketPhotos';
import { TicketSlaBadge } from '../../components/TicketSlaBadge';
import { useNow } from '../../components/useNow';
import { useDocument } from '../../db/hooks';
import { CommentThread } from './CommentThread';

/**
 * The ticket behind the job, near the top: what was reported, how urgent, the SLA countdown.
 * Its conversation is a separate section at the end of the page (TicketCommentsSection).
 */
export function TicketSection({ ticketId }: { ticketId: string }) {
  const ticket = useDocument('tickets', ticketId);
  return (
    <section className="card">
      <h2 id="ticket-title">Reported problem{ticket && <span className="count"> · {shownNumber(ticket.number)}</span>}</h2>
      {ticket ? <TicketSummary ticket={ticket} /> : <p className="muted">The linked ticket is not on this device yet; it arrives with the next sync.</p>}
    </section>
  );
}

export function TicketCommentsSection({ ticketId, timeZone }: { ticketId: string; timeZone?: string }) {
  return (
    <section className="card">
      <h2 id="comments-title">Ticket comments</h2>
      <CommentThread ticketId={ticketId} timeZone={timeZone} />
    </section>
  );
}

function TicketSummary({ ticket }: { ticket: Ticket }) {
  const now = useNow(30_000);
  return (
    <div className="ticket" data-testid="linked-ticket">
      <p className="ticket__title">
        <strong>{ticket.title}</strong>
        {isProvisionalNumber(ticket.number) && <span className="muted"> (number provisional)</span>}
      </p>
      <p className="badge-row">
        <PriorityBadge priority={ticket.priority} />
        <TicketSlaBadge ticket={ticket} />
      </p>
      <p data-testid="sla-due" className={ticket.sla.state === 'ok' ? undefined : 'warning-text'}>
        {describeSlaDue(ticket, now)}
      </p>
      {ticket.description && <p className="thread__body">{ticket.description}</p>}
      <TicketPhotos ticketId={ticket.id} />
    </div>
  );
}
