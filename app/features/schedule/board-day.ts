import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * The board's day and clock. One time axis serves every row, so it runs on one clock: the desk's
 * own (as the Today list and the map show the desk's day), or a site's zone picked in the URL for a
 * desk that plans another region's day. Times are typed on that clock too and labelled with it.
 */
export const BOARD_HOURS = { first: 6, last: 20 } as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `?day=2026-03-02&tz=Europe/Berlin`; a bad value is dropped (a hand-edited URL still opens the board). */
export const BoardParamsSchema = z.object({
  day: z.string().regex(DAY).refine((day) => DateTime.fromISO(day).isValid).optional(),
  tz: z.string().max(64).refine((zone) => DateTime.local().setZone(zone).isValid).optional(),
});
export type BoardParams = z.infer<typeof BoardParamsSchema>;

export function parseBoardParams(params: URLSearchParams): BoardParams {
  const read = (key: keyof BoardParams) => {
    const parsed = BoardParamsSchema.shape[key].safeParse(params.get(key) ?? undefined);
    return parsed.success ? parsed.data : undefined;
  };
  return { day: read('day'), tz: read('tz') };
}

/** Instants (ms) of the day on the zone's clock: midnight to midnight, and the axis's first and last hour. */
export type DayWindow = { day: string; start: number; end: number; axisStart: number; axisEnd: number };

/** Without a zone, the device's: `undefined` reads as luxon's 'local'. */
export function dayWindow(day: string, timeZone?: string): DayWindow {
  const midnight = DateTime.fromISO(day, { zone: timeZone ?? 'local' }).startOf('day');
  const at = (hour: number) => midnight.set({ hour }).toMillis();
  return { day, start: midnight.toMillis(), end: midnight.plus({ days: 1 }).toMillis(), axisStart: at(BOARD_HOURS.first), axisEnd: at(BOARD_HOURS.last) };
}

/** The calendar day of an instant on the zone's clock, `YYYY-MM-DD`. */
export function dayOf(instant: Date | number, timeZone?: string): string {
  return DateTime.fromMillis(typeof instant === 'number' ? instant : instant.getTime(), { zone: timeZone ?? 'local' }).toISODate() ?? '';
}

export function shiftDay(day: string, days: number): string {
  return DateTime.fromISO(day).plus({ days }).toISODate() ?? day;
}

/** `HH:mm` of an instant on the zone's clock (the move dialog's time input). */
export function timeOfDay(instant: number, timeZone?: string): string {
  return DateTime.fromMillis(instant, { zone: timeZone ?? 'local' }).toFormat('HH:mm');
}

/** The instant `HH:mm` names on the day, on the zone's clock; undefined when the text names none. */
export function instantAt(day: string, time: string, timeZone?: string): number | undefined {
  if (!/^\d{2}:\d{2}$/.test(time)) return undefined;
  const moment = DateTime.fromISO(`${day}T${time}`, { zone: timeZone ?? 'local' });
  return moment.isValid ? moment.toMillis() : undefined;
}

/** The zone's short name on that day ("GMT", "CET", "GMT+1"), to label times on the board. */
export function zoneLabel(instant: number, timeZone?: string): string {
  return DateTime.fromMillis(instant, { zone: timeZone ?? 'local' }).toFormat('ZZZZ');
}

/** The device's IANA zone, for the zone picker's first choice. */
export function deviceZone(): string {
  return DateTime.local().zoneName;
}
