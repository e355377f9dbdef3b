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
