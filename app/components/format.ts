/** "just now", "5 min ago", "3 h ago", or a date: short enough for a phone's status bar. */
export function formatRelativeTime(iso: string, now = new Date()): string {
  const seconds = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

/**
 * How the app shows times (docs/decisions.md, "One way to show times and durations"):
 * - in the browser's own locale (its 12- or 24-hour clock), weekday, day and month short;
 * - a job's, ticket's or alert's times on its site's clock (`timeZone` = the site's zone);
 * - labelled "(Berlin time)" where the zone could be mistaken: on lists and messages that mix
 *   sites or that the reader may read on another clock (`formatSiteTime`). Screens about one
 *   site say "site time" once instead.
 * Without a zone, the device's.
 */

/** A time of day in the given IANA zone (a site's), e.g. "09:30" or "09:30 AM". */
export function formatTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** A calendar day in the given zone, e.g. "Mon 2 Mar" or "Mon, Mar 2". */
export function formatDay(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(iso));
}

/** Day and time in the given zone, e.g. "Sat, Dec 5 05:57 AM": the two formatters side by side, as every screen shows them. */
export function formatDayTime(iso: string, timeZone?: string): string {
  return `${formatDay(iso, timeZone)} ${formatTime(iso, timeZone)}`;
}

/** The city of an IANA zone as people say it: "Europe/London" → "London", "America/New_York" → "New York". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/** The device's IANA zone. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A time on a site's clock, labelled with the site's city when that clock is not the reader's:
 * "09:30 AM" for a site in the device's zone, "Sat, Dec 5 05:57 AM (London time)" with the day
 * when asked for or when the site's date differs from the device's. `readerZone` is for tests.
 */
export function formatSiteTime(iso: string, timeZone: string | undefined, options: { withDay?: boolean; readerZone?: string } = {}): string {
  const readerZone = options.readerZone ?? deviceTimeZone();
  // By name, not by the clock's offset that day: a label that comes and goes with summer time would puzzle more.
  const foreign = timeZone !== undefined && timeZone !== readerZone;
  const withDay = options.withDay === true || (foreign && calendarDate(iso, timeZone) !== calendarDate(iso, readerZone));
  const text = withDay ? formatDayTime(iso, timeZone) : formatTime(iso, timeZone);
  return foreign ? `${text} (${zoneCity(timeZone)} time)` : text;
}

/**
 * The one duration format: the two largest units, "0 min", "12 min", "1 h 05 min", "1 d 12 h".
 * Days from 24 h on, so SLA times side by side read alike (no "36 h 46 min" next to "4 d 8 h").
 */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The YYYY-MM-DD date of an instant in the given zone (the device's when omitted). */
export function calendarDate(iso: string | Date, timeZone?: string): string {
  const date = new Date(iso);
  // Date's local getters use the device's zone: no formatter needed (the Today list asks for every work order's day).
  if (timeZone === undefined) return `${String(date.getFullYear()).padStart(4, '0')}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
  const parts = dayFormatter(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Building an Intl.DateTimeFormat costs far more than using one, and the Today list asks for the
 * day of every work order: one formatter per zone, reused (see docs/benchmarks.md).
 */
const twoDigits = (value: number) => String(value).padStart(2, '0');

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "3 changes have not reached the server yet." */
export function unsyncedChangesText(count: number): string {
  return `${count} ${count === 1 ? 'change has' : 'changes have'} not reached the server yet.`;
}
