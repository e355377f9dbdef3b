import { Link, useParams } from 'react-router';
import { PriorityBadge, SlaBadge } from '../../components/Badges';
import { formatDay, formatTime } from '../../components/format';
import { isProvisionalNumber, shownNumber } from '../../components/labels';
import { describeSlaDue } from '../../components/sla-text';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { useNow } from '../../components/useNow';
import { useDocument } from '../../db/hooks';
import { TicketPhotos } from '../../components/TicketPhotos';
import { CommentThread } from '../work-orders/CommentThread';
import { TICKET_STATUS_LABELS } from './ticket-labels';
import './assets.css';

/**
 * `/reports/:id` — a ticket as its reporter follows it: number (provisional until synced), status,
 * SLA, photos and the conversation with the desk. Site managers comment here; they change nothing else.
 */
export function TicketReportPage() {
  const { id = '' } = useParams();
  const ticket = useDocument('tickets', id);
  const asset = useDocument('assets', ticket?.assetId);
  const site = useDocument('sites', ticket?.siteId);
  const assignee = useDocument('users', ticket?.assigneeId);
  const now = useNow(30_000);
  if (!ticket) return <p className="page-message" role="status">This ticket is not on this device (yet).</p>;
  const provisional = isProvisionalNumber(ticket.number);
  const zone = site?.timezone;
  return (
    <article className="asset-page" data-testid="ticket-report" data-number={ticket.number}>
      {asset && (
        <Link to={`/a/${encodeURIComponent(asset.tag)}`} className="back-link">
          ← {asset.tag} {asset.name}
        </Link>
      )}
      <h1>
        <span data-testid="ticket-number">{shownNumber(ticket.number)}</span>
        {provisional && <span className="muted"> (provisional number until synced)</span>}
      </h1>
      <p className="badge-row">
        <span className="badge" data-testid="ticket-status" data-status={ticket.status}>
          {TICKET_STATUS_LABELS[ticket.status]}
        </span>
        <PriorityBadge priority={ticket.priority} />
        {!provisional && <SlaBadge ticket={ticket} now={now} />}
        <UnsyncedMarker collection="tickets" id={ticket.id} testId="ticket-unsynced" />
      </p>
      <section className="card">
        <h2>{ticket.title}</h2>
        <p className="thread__body">{ticket.description}</p>
        <p className="muted">
          {ticket.category} · reported {formatDay(ticket.createdAt, zone)} {formatTime(ticket.createdAt, zone)}
          {site && ` · ${site.name}`}
        </p>
        <p data-testid="ticket-assignee">
          {ticket.assigneeId ? `Engineer: ${assignee?.fullName ?? 'assigned'}` : 'Not assigned to an engineer yet'}
          {ticket.statusChangedAt && ` · ${TICKET_STATUS_LABELS[ticket.status].toLowerCase()} since ${formatDay(ticket.statusChangedAt, zone)} ${formatTime(ticket.statusChangedAt, zone)}`}
        </p>
        <p data-testid="ticket-sla">{provisional ? 'SLA due times are set when the ticket reaches the server.' : describeSlaDue(ticket, now)}</p>
        <TicketPhotos ticketId={ticket.id} />
      </section>
      <section className="card">
        <h2>Comments</h2>
        <CommentThread ticketId={ticket.id} timeZone={zone} />
      </section>
    </article>
  );
}
