import { combineLatest, map, type Observable } from 'rxjs';
import type { MangoQuery, MangoQuerySelector, RxCollection, RxDocument } from 'rxdb';
import type { Role } from '@shared/schemas/common';
import type { WorkOrder } from '@shared/schemas/work-order';
import { SCHEDULE_KEY, scheduleKeyOf, type ScheduleState } from '../../db/derived-fields';
import { toDomain } from '../../db/hooks';
import { groupTodayWorkOrders, type TodayGroups } from './today-groups';

export type TodayUser = { id: string; role: Role };
export type TodayLimits = { today: number; earlierOpen: number; upcoming: number };
export type TodayList = TodayGroups<WorkOrder> & { more: Record<keyof TodayLimits, boolean> };

/**
 * How many work orders each group shows at first, and how many more each "Show more" adds. A
 * day's page holds any engineer's day whole; it bounds the desk's day (every engineer's jobs) and
 * a day of bulk-scheduled maintenance, whose hundreds of rows would each be read and drawn.
 */
export const TODAY_PAGE_SIZES: TodayLimits = { today: 50, earlierOpen: 10, upcoming: 10 };
export type TodayQueries = { today: MangoQuery<WorkOrder>[]; earlierOpen: MangoQuery<WorkOrder>[]; upcoming: MangoQuery<WorkOrder>[] };
type TodayParts = { today: WorkOrder[][]; earlierOpen: WorkOrder[][]; upcoming: WorkOrder[][] };

/**
 * The ranges are on `scheduleKey`, which the device derives and indexes (app/db/derived-fields.ts):
 * open or done, then the start in UTC. Stamps may carry any UTC offset, so `scheduledStart`'s
 * string order is not time order, and "today" on it would need a range widened by a day's worth of offsets.
 */
export type ScheduleKeySelector = MangoQuerySelector<WorkOrder & { scheduleKey: string }>;
const BY_KEY = [{ scheduleKey: 'asc' }, { id: 'asc' }] as unknown as MangoQuery<WorkOrder>['sort'];
const INDEX = ['scheduleKey'];
/** Just past every key with this prefix (prefixes end with ':', and ';' follows it). */
export const pastPrefix = (prefix: string) => `${prefix.slice(0, -1)};`;

/**
 * One range of the `scheduleKey` index, in key order, with `owner`'s extra conditions; one more
 * than `limit` when given (to know there are more). Shared with the schedule board's day.
 */
export function scheduleKeyQuery(owner: ScheduleKeySelector, scheduleKey: ScheduleKeySelector['scheduleKey'], limit?: number): MangoQuery<WorkOrder> {
  return { selector: { ...owner, scheduleKey }, sort: BY_KEY, index: INDEX, ...(limit === undefined ? {} : { limit: limit + 1 }) } as MangoQuery<WorkOrder>;
}

/** The keys of one state whose time falls in [start, end) (ms since the epoch). */
export function scheduleKeyRange(state: ScheduleState, start: number, end: number): ScheduleKeySelector['scheduleKey'] {
  return { $gte: scheduleKeyOf(state, iso(start)), $lt: scheduleKeyOf(state, iso(end)) };
}

/**
 * The Today list's queries, each an exact range of one index rather than a read of every work
 * order: today's first, waiting and (for an engineer) done, with the jobs under way of any date; the
 * oldest waiting ones before today; the next waiting ones after it; each one more than its limit,
 * to know if there are more. The explicit `index`:
 * left alone, RxDB's planner prefers other indexes and reads far more.
 */
export function todayQueries(user: TodayUser, now: Date, limits: TodayLimits): TodayQueries {
  const { start, end } = deviceDay(now);
  const isEngineer = user.role === 'engineer';
  // An engineer sees their own jobs; the desk (dispatchers, admins) sees every open one.
  const owner: ScheduleKeySelector = isEngineer ? { assigneeId: user.id } : {};
  const query = (scheduleKey: ScheduleKeySelector['scheduleKey'], limit?: number) => scheduleKeyQuery(owner, scheduleKey, limit);
  const day = (state: ScheduleState) => query(scheduleKeyRange(state, start, end), limits.today);
  // Jobs under way head the day whatever their date (started early, or running past midnight).
  const underWay = query({ $gte: SCHEDULE_KEY.live, $lt: pastPrefix(SCHEDULE_KEY.live) }, limits.today);
  return {
    // Done ones too for an engineer, so the day's progress shows.
    today: isEngineer ? [underWay, day('open'), day('done')] : [underWay, day('open')],
    earlierOpen: [query({ $gte: SCHEDULE_KEY.open, $lt: scheduleKeyOf('open', iso(start)) }, limits.earlierOpen)],
    upcoming: [query({ $gte: scheduleKeyOf('open', iso(end)), $lt: pastPrefix(SCHEDULE_KEY.open) }, limits.upcoming)],
  };
}

/**
 * The query results as the screen lists them: merged (a work order can come from two queries),
 * grouped by the device's day, and each group cut to its limit. A group is then exactly its first
 * `limit` work orders in time order: each of its queries (today's open and done ones) returned at
 * least that many of its own, in that order.
 */
export function assembleTodayList(parts: TodayParts, now: Date, limits: TodayLimits): TodayList {
  const unique = new Map<string, WorkOrder>();
  for (const wo of [...parts.today, ...parts.earlierOpen, ...parts.upcoming].flat()) unique.set(wo.id, wo);
  const groups = groupTodayWorkOrders([...unique.values()], now);
  const hasMore = (group: keyof TodayLimits) => parts[group].some((found) => found.length > limits[group]) || groups[group].length > limits[group];
  return {
    today: groups.today.slice(0, limits.today),
    earlierOpen: groups.earlierOpen.slice(0, limits.earlierOpen),
    upcoming: groups.upcoming.slice(0, limits.upcoming),
    more: { today: hasMore('today'), earlierOpen: hasMore('earlierOpen'), upcoming: hasMore('upcoming') },
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
    today: combineLatest(queries.today.map(live)),
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
export const toWorkOrders = (docs: readonly RxDocument<WorkOrder>[]) => docs.map((doc) => toDomain<WorkOrder>(doc.toJSON()));
