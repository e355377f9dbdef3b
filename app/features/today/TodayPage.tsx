import { map } from 'rxjs';
import type { WorkOrder } from '@shared/schemas/work-order';
import { formatDay } from '../../components/format';
import { useNow } from '../../components/useNow';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { useSession } from '../../session/SessionContext';
import { groupTodayWorkOrders, todaySelector } from './today-groups';
import { WorkOrderRow } from './WorkOrderRow';

/** The engineer's day: their work orders by schedule, with site, asset, status and the ticket's SLA. */
export function TodayPage() {
  const { user } = useSession();
  const now = useNow(60_000);
  const workOrders = useLiveQuery(
    (db) =>
      db.workOrders
        .find({ selector: todaySelector(user), sort: [{ scheduledStart: 'asc' }] })
        .$.pipe(map((docs) => docs.map((doc) => toDomain<WorkOrder>(doc.toJSON())))),
    [user.id, user.role],
    undefined,
  );
  const list = workOrders ?? [];
  const sites = useDocumentsByIds('sites', list.map((wo) => wo.siteId));
  const assets = useDocumentsByIds('assets', list.map((wo) => wo.assetId));
  const tickets = useDocumentsByIds('tickets', list.map((wo) => wo.ticketId));

  if (!workOrders) return <p className="page-message" role="status">Loading your work orders…</p>;
  const groups = groupTodayWorkOrders(workOrders, now);
  const title = user.role === 'engineer' ? 'My work orders' : 'Open work orders';

  const renderGroup = (id: string, heading: string, items: WorkOrder[], showDate: boolean, empty?: string) => {
    if (items.length === 0 && !empty) return null;
    return (
      <section className="wo-group" aria-labelledby={id}>
        <h2 id={id}>
          {heading} <span className="count">({items.length})</span>
        </h2>
        {items.length === 0 ? (
          <p className="muted">{empty}</p>
        ) : (
          <ul className="wo-list">
            {items.map((wo) => (
              <li key={wo.id}>
                <WorkOrderRow
                  wo={wo}
                  site={sites.get(wo.siteId)}
                  asset={wo.assetId ? assets.get(wo.assetId) : undefined}
                  ticket={wo.ticketId ? tickets.get(wo.ticketId) : undefined}
                  showDate={showDate}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  };

  return (
    <div className="today">
      <h1>
        {title} <span className="today__date">{formatDay(now.toISOString())}</span>
      </h1>
      {workOrders.length === 0 ? (
        <div className="empty-state">
          <p>No work orders yet.</p>
          <p className="muted">New jobs appear here as soon as a dispatcher assigns them and this device syncs.</p>
        </div>
      ) : (
        <>
          {renderGroup('group-today', 'Today', groups.today, false, 'Nothing scheduled for today.')}
          {renderGroup('group-earlier', 'Earlier, still open', groups.earlierOpen, true)}
          {renderGroup('group-upcoming', 'Upcoming', groups.upcoming, true)}
        </>
      )}
    </div>
  );
}
