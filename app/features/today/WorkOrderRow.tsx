import { Link } from 'react-router';
import type { Asset } from '@shared/schemas/asset';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { WorkOrder } from '@shared/schemas/work-order';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { calendarDate, formatDay, formatTime } from '../../components/format';
import { isProvisionalNumber, shownNumber } from '../../components/labels';
import { TicketSlaBadge } from '../../components/TicketSlaBadge';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { listedAtOf } from '../../db/derived-fields';

type Props = { wo: WorkOrder; site?: Site; asset?: Asset; ticket?: Ticket; showDate: boolean };

/** One job in the day's list; the whole row is the link, so it is one large touch target. */
export function WorkOrderRow({ wo, site, asset, ticket, showDate }: Props) {
  const zone = site?.timezone;
  // A completed job is listed when it was done, which may be another day than its schedule.
  const listedAt = listedAtOf(wo) as string;
  const done = listedAt !== wo.scheduledStart;
  // Today also lists jobs under way from other days: those name their day, or 09:30 reads as this morning.
  const withDate = showDate || calendarDate(listedAt, zone) !== calendarDate(new Date(), zone);
  return (
    <Link to={`/work-orders/${wo.id}`} className={`wo-row wo-row--${wo.status}`} data-testid="wo-row" data-id={wo.id} data-status={wo.status}>
      <span className="wo-row__line">
        <time className="wo-row__time" dateTime={listedAt}>
          {done && 'Done '}
          {withDate && `${formatDay(listedAt, zone)} `}
          {formatTime(listedAt, zone)}
        </time>
        <span className="wo-row__number">
          {shownNumber(wo.number)}
          {isProvisionalNumber(wo.number) && <span className="muted"> (provisional)</span>}
        </span>
        <StatusBadge status={wo.status} />
      </span>
      <span className="wo-row__site">{site?.name ?? 'Site not on this device yet'}</span>
      {asset && <span className="wo-row__asset">{asset.name}</span>}
      <span className="wo-row__line wo-row__meta">
        {ticket && <TicketSlaBadge ticket={ticket} />}
        {ticket && <PriorityBadge priority={ticket.priority} />}
        <UnsyncedMarker collection="workOrders" id={wo.id} />
      </span>
    </Link>
  );
}
