import { useState } from 'react';
import type { WorkOrder } from '@shared/schemas/work-order';
import { calendarDate, formatDay } from '../../components/format';
import { useNow } from '../../components/useNow';
import { useLiveQuery } from '../../db/hooks';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { useFirstScreenShown } from '../../session/first-screen';
import { useSession } from '../../session/SessionContext';
import { TODAY_PAGE_SIZES, todayList$, type TodayLimits } from './today-query';
import { WorkOrderRow } from './WorkOrderRow';

/**
 * The engineer's day: their work orders by schedule, with site, asset, status and the ticket's SLA.
 * Each group comes a page at a time ("Show more"), so the screen reads and draws a few dozen work
 * orders however many are on the device or scheduled for the day.
 */
export function TodayPage() {
  const { user } = useSession();
  const now = useNow(60_000);
  const day = calendarDate(now);
  const [limits, setLimits] = useState<TodayLimits>(TODAY_PAGE_SIZES);
  // Re-queried when the day changes (the list runs past midnight) or a group asks for more.
  const groups = useLiveQuery((db) => todayList$(db.workOrders, user, now, limits), [user.id, user.role, day, limits], undefined);
  const list = groups ? [...groups.today, ...groups.earlierOpen, ...groups.upcoming] : [];
  const sites = useDocumentsByIds('sites', list.map((wo) => wo.siteId));
  const assets = useDocumentsByIds('assets', list.map((wo) => wo.assetId));
  const tickets = useDocumentsByIds('tickets', list.map((wo) => wo.ticketId));
  useFirstScreenShown(groups !== undefined);

  if (!groups) return <p className="page-message" role="status">Loading your work orders…</p>;
  const title = user.role === 'engineer' ? 'My work orders' : 'Open work orders';
  const moreOf = (group: keyof TodayLimits) =>
    groups.more[group] ? () => setLimits((current) => ({ ...current, [group]: current[group] + TODAY_PAGE_SIZES[group] })) : undefined;

  type GroupOptions = { showDate: boolean; empty?: string; onMore?: () => void };
  const renderGroup = (id: string, heading: string, items: WorkOrder[], { showDate, empty, onMore }: GroupOptions) => {
    if (items.length === 0 && !empty) return null;
    return (
      <section className="wo-group" aria-labelledby={id}>
        <h2 id={id}>
          {heading} <span className="count">({items.length}{onMore ? '+' : ''})</span>
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
        {onMore && (
          <button type="button" className="wo-group__more" onClick={onMore}>
            Show more
          </button>
        )}
      </section>
    );
  };

  return (
    <div className="today">
      <h1>
        {title} <span className="today__date">{formatDay(now.toISOString())}</span>
      </h1>
      {list.length === 0 ? (
        <div className="empty-state">
          <p>No work orders for today, and none open.</p>
          <p className="muted">New jobs appear here as soon as a dispatcher assigns them and this device syncs.</p>
        </div>
      ) : (
        <>
          {renderGroup('group-today', 'Today', groups.today, { showDate: false, empty: 'Nothing scheduled for today.', onMore: moreOf('today') })}
          {renderGroup('group-earlier', 'Earlier, still open', groups.earlierOpen, { showDate: true, onMore: moreOf('earlierOpen') })}
          {renderGroup('group-upcoming', 'Upcoming', groups.upcoming, { showDate: true, onMore: moreOf('upcoming') })}
        </>
      )}
    </div>
  );
}
