import { DateTime } from 'luxon';

/**
 * Times typed into `<input type="datetime-local">` are wall-clock times with no zone. A job is
 * scheduled on its site's clock (the engineer is there, the customer is there), whatever zone the
 * dispatcher's browser is in: these convert between the input's text and instants on that clock.
 * Without a zone, the device's.
 */
const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

export function toZonedInput(instant: Date | string, timeZone?: string): string {
  const moment = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return moment.setZone(timeZone ?? 'local').toFormat(INPUT_FORMAT);
}

/** The instant an input's text names on the zone's clock, as a UTC stamp; undefined when it names none. */
export function fromZonedInput(value: string, timeZone?: string): string | undefined {
  const moment = DateTime.fromISO(value, { zone: timeZone ?? 'local' });
  return moment.isValid ? (moment.toUTC().toISO() ?? undefined) : undefined;
}

/** The next full hour on the zone's clock, a sensible first proposal for a new job. */
export function nextFullHour(timeZone?: string, now: Date = new Date()): Date {
  return DateTime.fromJSDate(now).setZone(timeZone ?? 'local').startOf('hour').plus({ hours: 1 }).toJSDate();
}

/** What the desk has typed into a schedule's inputs; a side left untouched is undefined. */
export type TypedSchedule = { start?: string; end?: string };

/**
 * A schedule form's inputs and the instants they propose, on the site's clock. Until the zone is
 * known (the site is still syncing) the inputs are empty and nothing can be proposed: showing the
 * device's clock under a site-time label would invite the desk to save the wrong time. A side the
 * desk left untouched proposes the stored instant itself, so saving an unchanged time never moves
 * the job, whatever the zones.
 */
export function zonedSchedule(stored: { start: string; end: string }, typed: TypedSchedule, timeZone: string | undefined) {
  if (timeZone === undefined) return { ready: false as const, inputs: { start: '', end: '' }, proposed: undefined };
  const inputs = { start: typed.start ?? toZonedInput(stored.start, timeZone), end: typed.end ?? toZonedInput(stored.end, timeZone) };
  const read = (value: string | undefined, kept: string) => (value === undefined ? kept : (fromZonedInput(value, timeZone) ?? ''));
  return { ready: true as const, inputs, proposed: { start: read(typed.start, stored.start), end: read(typed.end, stored.end) } };
}
