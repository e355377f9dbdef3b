/** "just now", "5 min ago", "3 h ago", or a date: short enough for a phone's status bar. */
export function formatRelativeTime(iso: string, now = new Date()): string {
  const seconds = Math.round((now.getTime() - Date.parse(iso)) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

/** A time of day in the given IANA zone (a site's), e.g. "09:30". */
export function formatTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** A calendar day in the given zone, e.g. "Mon 2 Mar". */
export function formatDay(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(iso));
}

/** "0 min", "12 min", "1 h 05 min": durations on time logs and SLA countdowns. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
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
