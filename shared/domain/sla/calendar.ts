import { DateTime } from 'luxon';

/**
 * A business calendar: when the SLA clock runs. Weekly hours are local times in `timeZone`
 * (the site's zone); an entry whose end is not after its start runs overnight into the next day
 * (22:00–06:00). Holidays are local dates on which no hours count, overnight parts included.
 * No hours at all means the clock runs around the clock (24×7), holidays still excluded.
 * Local times are turned into instants by luxon, so DST changes are handled by the time-zone
 * database: a business day that loses an hour to the clock change really is an hour shorter.
 */
export type WeeklyHours = { weekday: number; start: string; end: string };
export type BusinessCalendar = { timeZone: string; hours: readonly WeeklyHours[]; holidays: readonly string[] };

type Interval = { start: number; end: number };

const DAY_SEARCH_LIMIT = 3 * 366;

export function calendarOf(policy: { businessHours: readonly WeeklyHours[]; holidays: readonly string[] }, timeZone: string): BusinessCalendar {
  return { timeZone, hours: policy.businessHours, holidays: policy.holidays };
}

export function isAroundTheClock(calendar: BusinessCalendar): boolean {
  return calendar.hours.length === 0 && calendar.holidays.length === 0;
}

/** The instant `businessMs` of open time after `fromMs` (exactly `fromMs` for 0). */
export function addBusinessMs(calendar: BusinessCalendar, fromMs: number, businessMs: number): number {
  if (businessMs <= 0) return fromMs;
  if (isAroundTheClock(calendar)) return fromMs + businessMs;
  let left = businessMs;
  for (const { start, end } of openIntervalsFrom(calendar, fromMs)) {
    if (left <= end - start) return start + left;
    left -= end - start;
  }
  throw new Error('unreachable: openIntervalsFrom never ends');
}

/** Open time between two instants (0 when `toMs` is not after `fromMs`). */
export function businessMsBetween(calendar: BusinessCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  if (isAroundTheClock(calendar)) return toMs - fromMs;
  let total = 0;
  for (const { start, end } of openIntervalsFrom(calendar, fromMs)) {
    if (start >= toMs) break;
    total += Math.min(end, toMs) - start;
  }
  return total;
}

/**
 * Open intervals from `fromMs` on, merged and in order, the first clipped to start at `fromMs`.
 * Throws when a calendar has no open time for years (all hours fall on holidays).
 */
export function* openIntervalsFrom(calendar: BusinessCalendar, fromMs: number): Generator<Interval> {
  const holidays = new Set(calendar.holidays);
  const calendarKey = `${calendar.timeZone}|${JSON.stringify(calendar.hours)}|${calendar.holidays.join(',')}`;
  // Start a day early: yesterday's overnight hours may still be running.
  let day = DateTime.fromMillis(fromMs, { zone: calendar.timeZone }).startOf('day').minus({ days: 1 });
  let pending: Interval | undefined;
  let emptyDays = 0;
  while (emptyDays < DAY_SEARCH_LIMIT) {
    const intervals = dayIntervals(calendar, calendarKey, day, holidays).filter((interval) => interval.end > fromMs);
    emptyDays = intervals.length === 0 ? emptyDays + 1 : 0;
    for (const interval of intervals) {
      const clipped = { start: Math.max(interval.start, fromMs), end: interval.end };
      if (!pending) pending = clipped;
      else if (clipped.start >= pending.end) {
        // Touching intervals are handed out separately, so a 24×7 run of days never merges for ever.
        yield pending;
        pending = clipped;
      } else if (clipped.end > pending.end) {
        // Overlap: hand out what is settled and keep only the part not yet counted.
        yield pending;
        pending = { start: pending.end, end: clipped.end };
      }
    }
    day = day.plus({ days: 1 });
  }
  if (pending) yield pending;
  throw new Error(`the business calendar in ${calendar.timeZone} has no open hours for ${DAY_SEARCH_LIMIT} days`);
}

/**
 * Local dates → their open intervals, per calendar. Due times and thresholds walk the same days
 * again and again (every recompute of every ticket on a calendar), and building instants from local
 * times is the costly part, so each (calendar, date) is computed once. Bounded: cleared when full.
 */
const DAY_CACHE_LIMIT = 20_000;
const dayCache = new Map<string, Interval[]>();

function dayIntervals(calendar: BusinessCalendar, calendarKey: string, day: DateTime, holidays: ReadonlySet<string>): Interval[] {
  const key = `${calendarKey}|${day.toISODate() ?? ''}`;
  const cached = dayCache.get(key);
  if (cached) return cached;
  if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
  const intervals = computeDayIntervals(calendar, day, holidays);
  dayCache.set(key, intervals);
  return intervals;
}

/** Hours that start on local date `day`, minus holidays, sorted by start. */
function computeDayIntervals(calendar: BusinessCalendar, day: DateTime, holidays: ReadonlySet<string>): Interval[] {
  const entries = calendar.hours.length === 0 ? [{ weekday: day.weekday, start: '00:00', end: '24:00' }] : calendar.hours;
  const raw = entries
    .filter((entry) => entry.weekday === day.weekday)
    .map((entry) => {
      const start = atLocalTime(day, entry.start);
      const endDay = entry.end > entry.start ? day : day.plus({ days: 1 });
      return { start: start.toMillis(), end: atLocalTime(endDay, entry.end).toMillis() };
    })
    .sort((a, b) => a.start - b.start);
  if (holidays.size === 0) return raw;
  return raw.flatMap((interval) => withoutHolidays(interval, day, holidays, calendar.timeZone));
}

/** `HH:mm` on a local date; 24:00 is the next midnight. Times skipped by a DST gap move forward (luxon). */
function atLocalTime(day: DateTime, time: string): DateTime {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  if (hour === 24) return day.plus({ days: 1 }).startOf('day');
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: day.zone });
}

/** Cut the local holiday dates an interval touches (it spans at most two local dates). */
function withoutHolidays(interval: Interval, day: DateTime, holidays: ReadonlySet<string>, zone: string): Interval[] {
  let parts = [interval];
  for (let date = day; date.toMillis() < interval.end; date = date.plus({ days: 1 })) {
    const iso = date.toISODate();
    if (!iso || !holidays.has(iso)) continue;
    const closedFrom = date.startOf('day').toMillis();
    const closedTo = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone }).plus({ days: 1 }).toMillis();
    parts = parts.flatMap((part) => cut(part, closedFrom, closedTo));
  }
  return parts;
}

function cut(part: Interval, from: number, to: number): Interval[] {
  if (to <= part.start || from >= part.end) return [part];
  const kept: Interval[] = [];
  if (part.start < from) kept.push({ start: part.start, end: from });
  if (part.end > to) kept.push({ start: to, end: part.end });
  return kept;
}
