import { Link, useParams } from 'react-router';
import type { Ticket } from '@shared/schemas/ticket';
import { PriorityBadge, SlaBadge } from '../../components/Badges';
import { TicketPhotos } from '../../components/TicketPhotos';
import { formatDay, formatTime } from '../../components/format';
import { isProvisionalNumber, shownNumber } from '../../components/labels';
import { describeSlaDue } from '../../components/sla-text';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { useNow } from '../../components/useNow';
import { useDocument } from '../../db/hooks';
import { useSession } from '../../session/SessionContext';
import { CreateWorkOrderSection } from './CreateWorkOrderSection';
import { TicketStatusActions } from './TicketStatusActions';
import { TicketTimeline } from './TicketTimeline';
import { TicketWorkOrders } from './TicketWorkOrders';
import { TICKET_STATUS_LABELS } from './ticket-labels';
import './tickets.css';

/** A ticket, live: details, SLA, its work orders, one timeline of activities and comments. */
export function TicketPage() {
  const { id = '' } = useParams();
  const ticket = useDocument('tickets', id);
  if (!ticket) {
    return (
      <div className="page-message" role="status" data-testid="ticket-missing">
        <p>This ticket is not on this device (yet). It arrives with the next sync if you may see it.</p>
        <Link to="/">Back</Link>
      </div>
    );
  }
  return <TicketDetail ticket={ticket} />;
}

function TicketDetail({ ticket }: { ticket: Ticket }) {
  const { user } = useSession();
  const site = useDocument('sites', ticket.siteId);
  const asset = useDocument('assets', ticket.assetId);
  const assignee = useDocument('users', ticket.assigneeId);
  const reporter = useDocument('users', ticket.reportedBy);
  const now = useNow(30_000);
  const zone = site?.timezone;
  const isDesk = user.role === 'dispatcher' || user.role === 'admin';
  return (
    <article className="ticket-page desk" data-testid="ticket" data-id={ticket.id}>
      <header className="card">
        <p className="muted">
          <span data-testid="ticket-number">{shownNumber(ticket.number)}</span>
          {isProvisionalNumber(ticket.number) && ' (number provisional until synced)'} <UnsyncedMarker collection="tickets" id={ticket.id} />
        </p>
        <h1>{ticket.title}</h1>
        <p className="badge-row">
          <span className="badge" data-testid="ticket-status" data-status={ticket.status}>
            {TICKET_STATUS_LABELS[ticket.status]}
          </span>
          <PriorityBadge priority={ticket.priority} />
          <SlaBadge ticket={ticket} now={now} />
        </p>
        <p data-testid="ticket-sla" className={ticket.sla.state === 'ok' ? undefined : 'warning-text'}>
          {describeSlaDue(ticket, now)}
        </p>
      </header>
      <div className="ticket-page__columns">
        <div>
          <section className="card" aria-labelledby="ticket-details">
            <h2 id="ticket-details">Details</h2>
            <dl className="facts">
              <dt>Site</dt>
              <dd>{site ? `${site.name} (${site.code})` : ticket.siteId}</dd>
              {ticket.assetId && (
                <>
                  <dt>Asset</dt>
                  <dd>{asset ? `${asset.name} · ${asset.tag}` : ticket.assetId}</dd>
                </>
              )}
              <dt>Category</dt>
              <dd>{ticket.category}</dd>
              <dt>Assignee</dt>
              <dd data-testid="ticket-assignee">{assignee?.fullName ?? (ticket.assigneeId ? ticket.assigneeId : 'Nobody yet')}</dd>
              <dt>Reported by</dt>
              <dd>
                {reporter?.fullName ?? ticket.reportedBy}, {formatDay(ticket.createdAt, zone)} {formatTime(ticket.createdAt, zone)}
              </dd>
              <dt>Response due</dt>
              <dd>
                {formatDay(ticket.sla.responseDueAt, zone)} {formatTime(ticket.sla.responseDueAt, zone)}
                {ticket.sla.respondedAt && ' · responded'}
              </dd>
              <dt>Resolution due</dt>
              <dd>
                {formatDay(ticket.sla.resolutionDueAt, zone)} {formatTime(ticket.sla.resolutionDueAt, zone)}
              </dd>
              {ticket.tags.length > 0 && (
                <>
                  <dt>Tags</dt>
                  <dd>{ticket.tags.join(', ')}</dd>
                </>
              )}
            </dl>
            {ticket.description && <p className="thread__body">{ticket.description}</p>}
            <TicketPhotos ticketId={ticket.id} />
          </section>
          <TicketStatusActions ticket={ticket} />
          <TicketWorkOrders ticketId={ticket.id} timeZone={zone} />
          {isDesk && <CreateWorkOrderSection ticket={ticket} site={site} />}
        </div>
        <TicketTimeline ticketId={ticket.id} timeZone={zone} />
      </div>
    </article>
  );
}
