import { describe, expect, it } from 'vitest';
import { formatDueAtSite } from '@server/sla/notices';

describe('SLA notification text', () => {
  it('gives the due time on the site’s clock, naming the place, not a raw UTC stamp', () => {
    expect(formatDueAtSite('2026-12-05T13:30:00.000Z', 'Europe/Berlin')).toBe('Sat 5 Dec, 14:30 (Berlin time)');
    expect(formatDueAtSite('2026-12-05T13:30:00.000Z', 'America/New_York')).toBe('Sat 5 Dec, 08:30 (New York time)');
    expect(formatDueAtSite('2026-07-01T00:05:00.000Z', 'Australia/Sydney')).toBe('Wed 1 Jul, 10:05 (Sydney time)');
  });
});
