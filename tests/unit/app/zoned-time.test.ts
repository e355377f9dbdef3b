import { describe, expect, it } from 'vitest';
import { fromZonedInput, nextFullHour, toZonedInput, zonedSchedule } from '@app/components/zoned-time';

describe('schedule inputs on a site’s clock', () => {
  it('reads 10:00 typed for a Berlin site as 10:00 in Berlin, whatever the device’s zone', () => {
    expect(fromZonedInput('2026-12-07T10:00', 'Europe/Berlin')).toBe('2026-12-07T09:00:00.000Z');
    expect(fromZonedInput('2026-07-07T10:00', 'Europe/Berlin')).toBe('2026-07-07T08:00:00.000Z');
    expect(fromZonedInput('2026-12-07T10:00', 'America/New_York')).toBe('2026-12-07T15:00:00.000Z');
  });

  it('shows a stored instant on the site’s clock', () => {
    expect(toZonedInput('2026-12-07T09:00:00.000Z', 'Europe/Berlin')).toBe('2026-12-07T10:00');
    expect(toZonedInput(new Date('2026-12-07T15:00:00.000Z'), 'America/New_York')).toBe('2026-12-07T10:00');
    expect(fromZonedInput(toZonedInput('2026-03-29T12:30:00.000Z', 'Australia/Sydney'), 'Australia/Sydney')).toBe('2026-03-29T12:30:00.000Z');
  });

  it('gives nothing for text that names no time', () => {
    expect(fromZonedInput('', 'Europe/Berlin')).toBeUndefined();
    expect(fromZonedInput('2026-13-40T99:00', 'Europe/Berlin')).toBeUndefined();
  });

  it('proposes the next full hour on the site’s clock', () => {
    expect(nextFullHour('Asia/Kolkata', new Date('2026-12-07T09:10:00.000Z')).toISOString()).toBe('2026-12-07T09:30:00.000Z');
  });
});

describe('a schedule form on a site’s clock', () => {
  // wo-0119's slot: Fri 11 Dec 13:00–15:00 in Sydney (AEDT, UTC+11).
  const stored = { start: '2026-12-11T02:00:00.000Z', end: '2026-12-11T04:00:00.000Z' };

  it('shows and proposes nothing until the site’s zone is known', () => {
    expect(zonedSchedule(stored, {}, undefined)).toEqual({ ready: false, inputs: { start: '', end: '' }, proposed: undefined });
  });

  it('shows the stored times on the site’s clock once the zone is known', () => {
    expect(zonedSchedule(stored, {}, 'Australia/Sydney').inputs).toEqual({ start: '2026-12-11T13:00', end: '2026-12-11T15:00' });
  });

  it('proposes the stored instants themselves while the desk has not typed', () => {
    const odd = { start: '2026-12-11T02:00:30.250Z', end: '2026-12-11T04:00:00.000Z' };
    expect(zonedSchedule(odd, {}, 'Australia/Sydney').proposed).toEqual(odd);
  });

  it('reads what the desk typed on the site’s clock, keeping the untouched side', () => {
    const schedule = zonedSchedule(stored, { start: '2026-12-11T12:00' }, 'Australia/Sydney');
    expect(schedule.proposed).toEqual({ start: '2026-12-11T01:00:00.000Z', end: stored.end });
    expect(schedule.inputs.start).toBe('2026-12-11T12:00');
    expect(zonedSchedule(stored, { end: '' }, 'Australia/Sydney').proposed?.end).toBe('');
  });
});
