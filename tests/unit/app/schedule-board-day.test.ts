import { describe, expect, it } from 'vitest';
import { dayOf, dayWindow, instantAt, parseBoardParams, shiftDay, timeOfDay } from '@app/features/schedule/board-day';
import { jobsOfDay } from '@app/features/schedule/board-query';
import { buildWorkOrder } from '../../helpers/factories';

const H = 3_600_000;

describe('the board’s day on a clock', () => {
  it('runs midnight to midnight and 06:00–20:00 on the zone’s clock', () => {
    const winter = dayWindow('2026-03-02', 'Europe/Berlin');
    expect(new Date(winter.start).toISOString()).toBe('2026-03-01T23:00:00.000Z');
    expect(new Date(winter.axisStart).toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(new Date(winter.axisEnd).toISOString()).toBe('2026-03-02T19:00:00.000Z');
    expect(winter.end - winter.start).toBe(24 * H);
    const summer = dayWindow('2026-07-01', 'Europe/Berlin');
    expect(new Date(summer.axisStart).toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it('is 23 hours long on the day the clocks go forward', () => {
    const change = dayWindow('2026-03-29', 'Europe/Berlin');
    expect(change.end - change.start).toBe(23 * H);
    expect(change.axisEnd - change.axisStart).toBe(14 * H);
  });

  it('reads and writes a time of day on the zone’s clock', () => {
    const start = instantAt('2026-03-02', '10:15', 'America/New_York');
    expect(start && new Date(start).toISOString()).toBe('2026-03-02T15:15:00.000Z');
    expect(timeOfDay(Date.parse('2026-03-02T15:15:00.000Z'), 'America/New_York')).toBe('10:15');
    expect(instantAt('2026-03-02', '', 'America/New_York')).toBeUndefined();
    expect(dayOf(Date.parse('2026-03-02T23:30:00.000Z'), 'Australia/Sydney')).toBe('2026-03-03');
  });

  it('steps across months and years', () => {
    expect(shiftDay('2026-02-28', 1)).toBe('2026-03-01');
    expect(shiftDay('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('drops a bad day or zone from the URL and keeps the good one', () => {
    expect(parseBoardParams(new URLSearchParams('day=2026-03-02&tz=Europe/Berlin'))).toEqual({ day: '2026-03-02', tz: 'Europe/Berlin' });
    expect(parseBoardParams(new URLSearchParams('day=2026-13-40&tz=Europe/Berlin'))).toEqual({ day: undefined, tz: 'Europe/Berlin' });
    expect(parseBoardParams(new URLSearchParams('day=2026-03-02&tz=Mars/Olympus'))).toEqual({ day: '2026-03-02', tz: undefined });
    expect(parseBoardParams(new URLSearchParams(''))).toEqual({ day: undefined, tz: undefined });
  });
});

describe('the jobs of a day', () => {
  const day = dayWindow('2026-03-02', 'UTC');
  it('keeps every job sharing time with the day once, and leaves cancelled ones off', () => {
    const overnight = buildWorkOrder({ id: 'overnight', scheduledStart: '2026-03-01T22:00:00.000Z', scheduledEnd: '2026-03-02T02:00:00.000Z', status: 'in_progress' });
    const inDay = buildWorkOrder({ id: 'in-day', scheduledStart: '2026-03-02T09:00:00+01:00', scheduledEnd: '2026-03-02T10:00:00+01:00' });
    const done = buildWorkOrder({ id: 'done', status: 'completed', scheduledStart: '2026-03-02T12:00:00.000Z', scheduledEnd: '2026-03-02T13:00:00.000Z' });
    const cancelled = buildWorkOrder({ id: 'cancelled', status: 'cancelled' });
    const yesterday = buildWorkOrder({ id: 'yesterday', scheduledStart: '2026-03-01T10:00:00.000Z', scheduledEnd: '2026-03-01T12:00:00.000Z' });
    const endsAtMidnight = buildWorkOrder({ id: 'ends-at-midnight', scheduledStart: '2026-03-01T22:00:00.000Z', scheduledEnd: '2026-03-02T00:00:00.000Z' });
    const found = jobsOfDay([[overnight], [inDay, yesterday, endsAtMidnight, cancelled], [done, inDay]], day);
    expect(found.map((wo) => wo.id).sort()).toEqual(['done', 'in-day', 'overnight']);
  });
});
