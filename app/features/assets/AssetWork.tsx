import { Link } from 'react-router';
import type { Asset } from '@shared/schemas/asset';
import type { Ticket } from '@shared/schemas/ticket';
import { PriorityBadge, SlaBadge, StatusBadge } from '../../components/Badges';
import { formatDayTime } from '../../components/format';
import { isProvisionalNumber, shownNumber } from '../../components/labels';
import { describeSlaDue } from '../../components/sla-text';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { useNow } from '../../components/useNow';
import { useLiveQuery } from '../../db/hooks';
import { useSession } from '../../session/SessionContext';
import { openTicketsForAsset$, openWorkOrdersForAsset$ } from './asset-queries';
import { TICKET_STATUS_LABELS } from './ticket-labels';

/**
 * Open work orders on the asset. Engineers see only their own (that is their read scope) and get a
 * button into each; site managers never see work orders (they cannot change them).
 */
export function AssetWorkOrders({ asset, timeZone }: { asset: Asset; timeZone?: string }) {
  const { user } = useSession();
  const workOrders = useLiveQuery((db) => openWorkOrdersForAsset$(db, asset.id), [asset.id], []);
  if (user.role === 'site_manager') return null;
  return (
    <section className="card">
      <h2>Open work orders</h2>
      {workOrders.length === 0 ? (
        <p className="muted">No open work orders on this asset{user.role === 'engineer' ? ' for you' : ''}.</p>
      ) : (
        <ul className="plain-list">
          {workOrders.map((wo) => (
            <li key={wo.id} data-testid="asset-work-order">
              <p className="badge-row">
                <strong>{shownNumber(wo.number)}</strong>
                <StatusBadge status={wo.status} />
                <span className="muted">
                  {formatDayTime(wo.scheduledStart, timeZone)}
                </span>
              </p>
              {(user.role !== 'engineer' || wo.assigneeId === user.id) && (
                <Link to={`/work-orders/${wo.id}`} className={user.role === 'engineer' ? 'button primary' : undefined}>
                  {user.role === 'engineer' && wo.status === 'scheduled' ? `Start work order ${wo.number}` : `Open work order ${wo.number}`}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AssetTickets({ asset, timeZone }: { asset: Asset; timeZone?: string }) {
  const tickets = useLiveQuery((db) => openTicketsForAsset$(db, asset.id), [asset.id], []);
  return (
    <section className="card">
      <h2>Open tickets</h2>
      {tickets.length === 0 ? (
        <p className="muted">No open tickets on this asset.</p>
      ) : (
        <ul className="plain-list" data-testid="asset-tickets">
          {tickets.map((ticket) => (
            <li key={ticket.id}>
              <TicketLine ticket={ticket} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One ticket in a list: number (or "provisional"), title, status, priority, SLA; links to its page. */
export function TicketLine({ ticket, timeZone }: { ticket: Ticket; timeZone?: string }) {
  const now = useNow(30_000);
  const provisional = isProvisionalNumber(ticket.number);
  return (
    <div className="ticket-line" data-testid="ticket-line" data-ticket-id={ticket.id} data-number={ticket.number}>
      <p className="badge-row">
        <Link to={`/reports/${ticket.id}`}>
          <strong>{shownNumber(ticket.number)}</strong>{provisional && <span className="muted"> (provisional)</span>}
        </Link>
        <span className="badge" data-status={ticket.status}>
          {TICKET_STATUS_LABELS[ticket.status]}
        </span>
        <PriorityBadge priority={ticket.priority} />
        {!provisional && <SlaBadge ticket={ticket} now={now} />}
        <UnsyncedMarker collection="tickets" id={ticket.id} />
      </p>
      <p className="ticket-line__title">{ticket.title}</p>
      <p className="muted">
        Reported {formatDayTime(ticket.createdAt, timeZone)}
        {!provisional && <> · {describeSlaDue(ticket, now)}</>}
      </p>
    </div>
  );
}
