import { combineLatest, map, of, type Observable } from 'rxjs';
import type { MangoQuery, RxCollection } from 'rxdb';
import type { WorkOrder } from '@shared/schemas/work-order';
import { SCHEDULE_KEY, scheduleKeyOf } from '../../db/derived-fields';
import { pastPrefix, scheduleKeyQuery, scheduleKeyRange, toWorkOrders } from '../today/today-query';
import type { DayWindow } from './board-day';

/**
 * The board reads the day from the same `scheduleKey` index as the Today list (open, under way or
 * done, then the listed time in UTC): exact ranges, never every work order on the device.
 * A job that started before midnight and runs into the day is found by looking back this far;
 * a longer one (a multi-day installation begun earlier) is not on the board.
 */
export const LOOK_BACK_MS = 24 * 3_600_000;
/** A completed job is keyed on its completion, which may come after its slot (finished late). */
const DONE_LOOK_AHEAD_MS = 24 * 3_600_000;
/** The side list's "slot passed" group shows this many at first, the oldest first. */
export const MISSED_LIMIT = 20;

/** The day's queries: waiting jobs starting in [day − look-back, day end), every job under way, done ones around the day. */
export function boardDayQueries(window: Pick<DayWindow, 'start' | 'end'>): MangoQuery<WorkOrder>[] {
  return [
    scheduleKeyQuery({}, { $gte: SCHEDULE_KEY.live, $lt: pastPrefix(SCHEDULE_KEY.live) }),
    scheduleKeyQuery({}, scheduleKeyRange('open', window.start - LOOK_BACK_MS, window.end)),
    scheduleKeyQuery({}, scheduleKeyRange('done', window.start - LOOK_BACK_MS, window.end + DONE_LOOK_AHEAD_MS)),
  ];
}

/**
 * The jobs the board draws for a day: every one whose slot shares time with the day, merged from
 * the queries. Cancelled ones are off everyone's day; completed ones stay, greyed, as the day's record.
 */
export function jobsOfDay(parts: readonly (readonly WorkOrder[])[], window: Pick<DayWindow, 'start' | 'end'>): WorkOrder[] {
  const unique = new Map<string, WorkOrder>();
  for (const wo of parts.flat()) {
    if (wo.status === 'cancelled') continue;
    if (Date.parse(wo.scheduledStart) < window.end && Date.parse(wo.scheduledEnd) > window.start) unique.set(wo.id, wo);
  }
  return [...unique.values()];
}

export function boardDay$(workOrders: RxCollection<WorkOrder>, window: Pick<DayWindow, 'start' | 'end'>): Observable<WorkOrder[]> {
  const live = (query: MangoQuery<WorkOrder>) => workOrders.find(query).$.pipe(map(toWorkOrders));
  return combineLatest(boardDayQueries(window).map(live)).pipe(map((parts) => jobsOfDay(parts, window)));
}

/**
 * Jobs that need a slot: still waiting (scheduled or on hold) with their slot over before `now`,
 * the oldest first, one more than the limit to know there are more; and open jobs whose engineer
 * can no longer take them (`unavailableIds`: deactivated engineers), by the same index's open and
 * under-way ranges (only asked when there are such engineers).
 */
export function needsSlotQueries(now: number, unavailableIds: readonly string[]): { missed: MangoQuery<WorkOrder>; orphaned?: MangoQuery<WorkOrder> } {
  return {
    missed: scheduleKeyQuery({}, { $gte: SCHEDULE_KEY.open, $lt: scheduleKeyOf('open', new Date(now).toISOString()) }, MISSED_LIMIT),
    ...(unavailableIds.length > 0 ? { orphaned: scheduleKeyQuery({ assigneeId: { $in: [...unavailableIds] } }, { $gte: SCHEDULE_KEY.live, $lt: pastPrefix(SCHEDULE_KEY.open) }) } : {}),
  };
}

export type NeedsSlot = { missed: WorkOrder[]; moreMissed: boolean; orphaned: WorkOrder[] };

export function needsSlot$(workOrders: RxCollection<WorkOrder>, now: number, unavailableIds: readonly string[]): Observable<NeedsSlot> {
  const queries = needsSlotQueries(now, unavailableIds);
  const live = (query: MangoQuery<WorkOrder> | undefined): Observable<WorkOrder[]> =>
    query ? workOrders.find(query).$.pipe(map(toWorkOrders)) : of([]);
  return combineLatest({ missed: live(queries.missed), orphaned: live(queries.orphaned) }).pipe(
    map(({ missed, orphaned }) => {
      const over = missed.filter((wo) => Date.parse(wo.scheduledEnd) <= now);
      return { missed: over.slice(0, MISSED_LIMIT), moreMissed: missed.length > MISSED_LIMIT, orphaned };
    }),
  );
}
