import { describe, expect, it } from 'vitest';
import { addBusinessMs, type BusinessCalendar, businessMsBetween } from '@shared/domain/sla/calendar';

const HOUR = 3_600_000;
const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));
const london = (hours = weekdays('09:00', '17:00'), holidays: string[] = []): BusinessCalendar => ({ timeZone: 'Europe/London', hours, holidays });
const ms = (iso: string) => Date.parse(iso);
const at = (value: number) => new Date(value).toISOString();

describe('business calendar: weekends', () => {
  it('carries a target over the weekend to Monday morning', () => {
    // Friday 16:00 GMT + 2 business hours: 1 h on Friday, then Monday 09:00–10:00.
    expect(at(addBusinessMs(london(), ms('2026-03-06T16:00:00Z'), 2 * HOUR))).toBe('2026-03-09T10:00:00.000Z');
  });

  it('starts counting at opening time for work reported at night', () => {
    expect(at(addBusinessMs(london(), ms('2026-03-03T03:00:00Z'), HOUR))).toBe('2026-03-03T10:00:00.000Z');
  });

  it('ends exactly at closing time rather than at the next opening', () => {
    expect(at(addBusinessMs(london(), ms('2026-03-02T09:00:00Z'), 8 * HOUR))).toBe('2026-03-02T17:00:00.000Z');
  });

  it('counts no business time over a weekend', () => {
    expect(businessMsBetween(london(), ms('2026-03-06T17:00:00Z'), ms('2026-03-09T09:00:00Z'))).toBe(0);
  });
});

describe('business calendar: DST changes (Europe/London)', () => {
  it('spring forward: Monday 09:00 BST is 08:00 UTC', () => {
    // 2026-03-29 01:00 GMT the clocks go to 02:00 BST.
    expect(at(addBusinessMs(london(), ms('2026-03-27T16:00:00Z'), 2 * HOUR))).toBe('2026-03-30T09:00:00.000Z');
  });

  it('fall back: Monday 09:00 GMT is 09:00 UTC again', () => {
    // 2026-10-25 02:00 BST the clocks go back to 01:00 GMT. Friday 16:00 BST = 15:00 UTC.
    expect(at(addBusinessMs(london(), ms('2026-10-23T15:00:00Z'), 2 * HOUR))).toBe('2026-10-26T10:00:00.000Z');
  });

  it('a whole Sunday of opening hours lasts 23 h in March and 25 h in October', () => {
    const sundays = london([{ weekday: 7, start: '00:00', end: '24:00' }]);
    expect(businessMsBetween(sundays, ms('2026-03-28T12:00:00Z'), ms('2026-03-30T12:00:00Z'))).toBe(23 * HOUR);
    expect(businessMsBetween(sundays, ms('2026-10-24T12:00:00Z'), ms('2026-10-26T12:00:00Z'))).toBe(25 * HOUR);
  });

  it('an overnight shift across the change is an hour shorter in spring and longer in autumn', () => {
    const saturdayNights = london([{ weekday: 6, start: '22:00', end: '06:00' }]);
    expect(businessMsBetween(saturdayNights, ms('2026-03-28T12:00:00Z'), ms('2026-03-29T12:00:00Z'))).toBe(7 * HOUR);
    expect(businessMsBetween(saturdayNights, ms('2026-10-24T12:00:00Z'), ms('2026-10-25T12:00:00Z'))).toBe(9 * HOUR);
  });

  it('a 24×7 calendar counts elapsed time straight through a DST change', () => {
    const always = london([]);
    expect(at(addBusinessMs(always, ms('2026-03-29T00:30:00Z'), HOUR))).toBe('2026-03-29T01:30:00.000Z');
    expect(businessMsBetween(always, ms('2026-10-25T00:00:00Z'), ms('2026-10-25T03:00:00Z'))).toBe(3 * HOUR);
  });
});

describe('business calendar: holidays', () => {
  it('skips a holiday and the weekend after it', () => {
    // Thursday 24 Dec 16:00: 1 h that day, Friday 25th is a holiday, then Monday 28th 09:00–10:00.
    const calendar = london(weekdays('09:00', '17:00'), ['2026-12-25']);
    expect(at(addBusinessMs(calendar, ms('2026-12-24T16:00:00Z'), 2 * HOUR))).toBe('2026-12-28T10:00:00.000Z');
  });

  it('cuts the part of an overnight shift that falls on a holiday', () => {
    const thursdayNights = london([{ weekday: 4, start: '22:00', end: '06:00' }], ['2026-12-25']);
    expect(businessMsBetween(thursdayNights, ms('2026-12-24T20:00:00Z'), ms('2026-12-25T12:00:00Z'))).toBe(2 * HOUR);
  });

  it('excludes holidays from a 24×7 calendar that lists them', () => {
    const always = london([], ['2026-12-25']);
    expect(businessMsBetween(always, ms('2026-12-24T12:00:00Z'), ms('2026-12-26T12:00:00Z'))).toBe(24 * HOUR);
  });

  it('refuses a calendar with no open time at all instead of looping for ever', () => {
    const onlyHolidays = london([{ weekday: 5, start: '09:00', end: '17:00' }], []);
    const noFridays: BusinessCalendar = { ...onlyHolidays, hours: [{ weekday: 5, start: '09:00', end: '09:00' }] };
    // 09:00–09:00 is a 24 h overnight shift, so this still has time; a calendar with no weekday at all has none.
    expect(businessMsBetween(noFridays, ms('2026-03-06T00:00:00Z'), ms('2026-03-07T00:00:00Z'))).toBe(15 * HOUR);
    const never: BusinessCalendar = { ...onlyHolidays, hours: [{ weekday: 8, start: '09:00', end: '17:00' }] };
    expect(() => addBusinessMs(never, ms('2026-03-06T00:00:00Z'), HOUR)).toThrow(/no open hours/);
  });
});

describe('business calendar: overnight hours', () => {
  it('runs a shift from one evening into the next morning', () => {
    const nights = { timeZone: 'UTC', hours: [{ weekday: 1, start: '22:00', end: '06:00' }], holidays: [] };
    expect(at(addBusinessMs(nights, ms('2026-03-02T21:00:00Z'), 3 * HOUR))).toBe('2026-03-03T01:00:00.000Z');
    // Started during the shift (it began on Monday, now it is Tuesday 02:00): 4 h left.
    expect(businessMsBetween(nights, ms('2026-03-03T02:00:00Z'), ms('2026-03-04T02:00:00Z'))).toBe(4 * HOUR);
  });

  it('merges overlapping entries instead of counting the overlap twice', () => {
    const overlap = { timeZone: 'UTC', hours: [{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 1, start: '10:00', end: '14:00' }], holidays: [] };
    expect(businessMsBetween(overlap, ms('2026-03-02T00:00:00Z'), ms('2026-03-03T00:00:00Z'))).toBe(6 * HOUR);
  });
});
