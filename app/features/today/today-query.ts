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
/**
 * The ranges are on `scheduledStartUtc`, the start in UTC the device derives and indexes
 * (app/db/derived-fields.ts): stamps may carry any UTC offset, so `scheduledStart`'s string order
 * is not time order, and "today" on it would need a range widened by a day's worth of offsets.
 */
type Selector = MangoQuerySelector<WorkOrder & { scheduledStartUtc: string }>;
const BY_START = [{ scheduledStartUtc: 'asc' }, { id: 'asc' }] as unknown as MangoQuery<WorkOrder>['sort'];

/**
 * The Today list's queries, each an exact index range rather than a read of every work order:
 * today's (any status) by start, per open status the oldest open ones before today by
 * `[status, start]`, and the next open ones after it by start; one more than the limit to know if
 * there are more. The explicit `index`: left alone, RxDB's planner prefers other indexes and reads far more.
 */
export function todayQueries(user: TodayUser, now: Date, limits: TodayLimits): TodayQueries {
  const { start, end } = deviceDay(now);
  const isEngineer = user.role === 'engineer';
  // An engineer sees their own jobs; the desk (dispatchers, admins) sees every open one.
  const owner: Selector = isEngineer ? { assigneeId: user.id } : {};
  const todayStatus: Selector = isEngineer ? {} : { status: { $nin: [...WORK_ORDER_MACHINE.terminal] } };
  const query = (selector: Selector, index: string[], limit?: number): MangoQuery<WorkOrder> =>
    ({ selector, sort: BY_START, index, ...(limit === undefined ? {} : { limit: limit + 1 }) }) as MangoQuery<WorkOrder>;
  const byStatus = (scheduledStartUtc: Selector['scheduledStartUtc'], limit: number) =>
    OPEN_STATUSES.map((status) => query({ ...owner, status, scheduledStartUtc }, ['status', 'scheduledStartUtc'], limit));
  return {
    today: query({ ...owner, ...todayStatus, scheduledStartUtc: { $gte: iso(start), $lt: iso(end) } }, ['scheduledStartUtc']),
    earlierOpen: byStatus({ $lt: iso(start) }, limits.earlierOpen),
    // Most work orders after today are still open, so one walk of the start index that
    // skips the rest stops after a page; before today most are closed, so there each open status
    // has its own range.
    upcoming: [query({ ...owner, status: { $in: OPEN_STATUSES }, scheduledStartUtc: { $gte: iso(end) } }, ['scheduledStartUtc'], limits.upcoming)],
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
