/**
 * Wall-clock times in a site's time zone, so demo jobs land in that site's working day rather than
 * the server's. Intl only (no tz library): the zone's offset at an instant is read back from a
 * formatter, and a local time is converted by two offset passes, which is exact except inside a
 * DST gap (where it lands an hour off — harmless for demo data).
 */
export type LocalDay = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function wallClockParts(zone: string, instantMs: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The zone's offset from UTC at an instant, in ms (e.g. +3_600_000 for Berlin in winter). */
export function zoneOffsetMs(zone: string, instantMs: number): number {
  const p = wallClockParts(zone, instantMs);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The calendar day an instant falls on in a zone. */
export function localDayOf(zone: string, instant: Date): LocalDay {
  const p = wallClockParts(zone, instant.getTime());
  return { year: p.year ?? 1970, month: p.month ?? 1, day: p.day ?? 1 };
}

/** The instant of `hh:mm` local time, `dayOffset` days after `day`, in `zone`. */
export function zonedTime(zone: string, day: LocalDay, dayOffset: number, hour: number, minute = 0): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day + dayOffset, hour, minute);
  const first = wall - zoneOffsetMs(zone, wall);
  return new Date(wall - zoneOffsetMs(zone, first));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local day shifted by `dayOffset`. */
export function isoWeekday(day: LocalDay, dayOffset = 0): number {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day + dayOffset)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}
