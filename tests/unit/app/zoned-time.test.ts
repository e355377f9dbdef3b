import { describe, expect, it } from 'vitest';
import { fromZonedInput, nextFullHour, toZonedInput } from '@app/components/zoned-time';

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
