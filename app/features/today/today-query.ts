import { combineLatest, map, type Observable } from 'rxjs';
import type { MangoQuery, MangoQuerySelector, RxCollection, RxDocument } from 'rxdb';
import { WORK_ORDER_MACHINE } from '@shared/domain/state-machine';
import type { Role } from '@shared/schemas/common';
import { WORK_ORDER_STATUSES, type WorkOrder } from '@shared/schemas/work-order';
import { toDomain } from '../../db/hooks';
import { groupTodayWorkOrders, type TodayGroups } from './today-groups';

/** How many earlier and upcoming open work orders the list shows before "Show more". */
export const TODAY_PAGE_SIZE = 10;

export type TodayUser = { id: string; role: Role };
export type TodayLimits = { earlierOpen: number; upcoming: number };
export type TodayList = TodayGroups<WorkOrder> & { more: { earlierOpen: boolean; upcoming: boolean } };
export type TodayQueries = { today: MangoQuery<WorkOrder>; earlierOpen: MangoQuery<WorkOrder>[]; upcoming: MangoQuery<WorkOrder>[] };
type TodayParts = { today: WorkOrder[]; earlierOpen: WorkOrder[][]; upcoming: WorkOrder[][] };

const OPEN_STATUSES = WORK_ORDER_STATUSES.filter((status) => !WORK_ORDER_MACHINE.terminal.includes(status));
const HOUR_MS = 3_600_000;
/**
 * Stamps are compared as strings by the index, and a stamp may carry any UTC offset (−12:00 to
 * +14:00): "2026-03-01T23:00:00-10:00" is 09:00Z on the 2nd. Today's range is widened by that much
 * so no such stamp is missed; the grouping then parses every stamp and keeps the device's day.
 */
const WIDEN_BEFORE_MS = 12 * HOUR_MS;
const WIDEN_AFTER_MS = 14 * HOUR_MS;
const BY_START = [{ scheduledStart: 'asc' as const }];

/**
 * The Today list's queries, each an index range rather than a read of every work order: today's
 * (any status) by `scheduledStart`, per open status the oldest open ones before today by
 * `[status, scheduledStart]`, and the next open ones after it by `scheduledStart`; one more than
 * the limit to know if there are more. The explicit `index`: left alone, RxDB's planner prefers other indexes and reads far more.
 */
export function todayQueries(user: TodayUser, now: Date, limits: TodayLimits): TodayQueries {
  const { start, end } = deviceDay(now);
  const isEngineer = user.role === 'engineer';
  // An engineer sees their own jobs; the desk (dispatchers, admins) sees every open one.
  const owner: MangoQuerySelector<WorkOrder> = isEngineer ? { assigneeId: user.id } : {};
  const todayStatus: MangoQuerySelector<WorkOrder> = isEngineer ? {} : { status: { $nin: [...WORK_ORDER_MACHINE.terminal] } };
  const byStatus = (scheduledStart: MangoQuerySelector<WorkOrder>['scheduledStart'], limit: number) =>
    OPEN_STATUSES.map((status): MangoQuery<WorkOrder> => ({
      selector: { ...owner, status, scheduledStart },
      sort: BY_START,
      index: ['status', 'scheduledStart'],
      limit: limit + 1,
    }));
  return {
    today: {
      selector: { ...owner, ...todayStatus, scheduledStart: { $gte: iso(start - WIDEN_BEFORE_MS), $lt: iso(end + WIDEN_AFTER_MS) } },
      sort: BY_START,
      index: ['scheduledStart'],
    },
    earlierOpen: byStatus({ $lt: iso(start) }, limits.earlierOpen),
    // Most work orders after today are still open, so one walk of the scheduledStart index that
    // skips the rest stops after a page; before today most are closed, so there each open status
    // has its own range.
    upcoming: [
      {
        selector: { ...owner, status: { $in: OPEN_STATUSES }, scheduledStart: { $gte: iso(end) } },
        sort: BY_START,
        index: ['scheduledStart'],
        limit: limits.upcoming + 1,
      },
    ],
  };
}

/**
 * The query results as the screen lists them: merged (a work order can come from two queries),
 * grouped by the device's day, and each limited group cut to its limit. A limited group is then
 * exactly its first `limit` work orders: every status query returned at least that many of its own.
 */
export function assembleTodayList(parts: TodayParts, now: Date, limits: TodayLimits): TodayList {
  const unique = new Map<string, WorkOrder>();
  for (const wo of [parts.today, ...parts.earlierOpen, ...parts.upcoming].flat()) unique.set(wo.id, wo);
  const groups = groupTodayWorkOrders([...unique.values()], now);
  const more = {
    earlierOpen: parts.earlierOpen.some((found) => found.length > limits.earlierOpen) || groups.earlierOpen.length > limits.earlierOpen,
    upcoming: parts.upcoming.some((found) => found.length > limits.upcoming) || groups.upcoming.length > limits.upcoming,
  };
  return {
    today: groups.today,
    earlierOpen: groups.earlierOpen.slice(0, limits.earlierOpen),
    upcoming: groups.upcoming.slice(0, limits.upcoming),
    more,
  };
}

/**
 * The Today list, live: updates on every local or synced change of a listed work order. The
 * screen shows its values; the bench and the tests take its first one.
 */
export function todayList$(workOrders: RxCollection<WorkOrder>, user: TodayUser, now: Date, limits: TodayLimits): Observable<TodayList> {
  const queries = todayQueries(user, now, limits);
  const live = (query: MangoQuery<WorkOrder>) => workOrders.find(query).$.pipe(map(toWorkOrders));
  return combineLatest({
    today: live(queries.today),
    earlierOpen: combineLatest(queries.earlierOpen.map(live)),
    upcoming: combineLatest(queries.upcoming.map(live)),
  }).pipe(map((parts) => assembleTodayList(parts, now, limits)));
}

/** Midnight to midnight on the device's calendar (the grouping's day when no zone is given). */
function deviceDay(now: Date): { start: number; end: number } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { start: start.getTime(), end: end.getTime() };
}

const iso = (ms: number) => new Date(ms).toISOString();
const toWorkOrders = (docs: readonly RxDocument<WorkOrder>[]) => docs.map((doc) => toDomain<WorkOrder>(doc.toJSON()));
