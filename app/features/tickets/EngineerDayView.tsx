import type { WorkOrder } from '@shared/schemas/work-order';
import { WORK_ORDER_MACHINE } from '@shared/domain/state-machine';
import { formatTime } from '../../components/format';
import { shownNumber } from '../../components/labels';
import { fromZonedInput } from '../../components/zoned-time';
import { planDay } from './ticket-drafts';

type Props = { engineerId: string; day: string; proposed: { start: string; end: string }; workOrders: readonly WorkOrder[]; timeZone?: string; proposedLabel?: string; exceptId?: string };

/**
 * The chosen engineer's open jobs on the proposed day (a `YYYY-MM-DD` on the site's clock), with the
 * proposed one; overlaps are flagged. `exceptId`: the job being moved, shown once, at its new time.
 */
export function EngineerDayView({ engineerId, day, proposed, workOrders, timeZone, proposedLabel = 'This new work order', exceptId }: Props) {
  const startMs = Date.parse(proposed.start);
  const endMs = Date.parse(proposed.end);
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) return null;
  const dayStart = Date.parse(fromZonedInput(`${day}T00:00`, timeZone) ?? '');
  const dayEnd = dayStart + 86_400_000;
  const jobs = workOrders
    .filter((wo) => wo.assigneeId === engineerId && wo.id !== exceptId && !WORK_ORDER_MACHINE.terminal.includes(wo.status))
    .filter((wo) => Date.parse(wo.scheduledStart) < dayEnd && Date.parse(wo.scheduledEnd) > dayStart)
    .map((wo) => ({ id: wo.id, label: shownNumber(wo.number), start: wo.scheduledStart, end: wo.scheduledEnd }));
  const entries = planDay([...jobs, { id: 'proposed', label: proposedLabel, start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() }]);
  const clashes = entries.filter((entry) => entry.overlaps && entry.id !== 'proposed').length;
  return (
    <div className="day-view" data-testid="day-view">
      <h3>Their day</h3>
      <ol className="plain-list">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.overlaps ? 'day-view__clash' : undefined} data-overlap={entry.overlaps}>
            {formatTime(entry.start, timeZone)}–{formatTime(entry.end, timeZone)} {entry.id === 'proposed' ? <strong>{entry.label}</strong> : entry.label}
            {entry.overlaps && <span className="warning-text"> · overlaps</span>}
          </li>
        ))}
      </ol>
      {clashes > 0 && <p className="warning-text" role="status">The new time overlaps {clashes} of their jobs.</p>}
    </div>
  );
}
