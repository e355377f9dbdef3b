import { describe, expect, it } from 'vitest';
import { calendarDate, formatDuration } from '@app/components/format';
import { describeSlaDue } from '@app/components/sla-text';
import { distanceMeters, formatDistance, mapLinks } from '@app/features/work-orders/geo';
import { buildTicket } from '../../helpers/factories';

describe('formatting', () => {
  it('durations read short', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(59_999)).toBe('0 min');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(65 * 60_000)).toBe('1 h 05 min');
    expect(formatDuration(50 * 3_600_000)).toBe('2 d 2 h');
    expect(formatDuration(-5)).toBe('0 min');
  });

  it('calendar dates follow the zone', () => {
    expect(calendarDate('2026-03-02T23:30:00.000Z', 'UTC')).toBe('2026-03-02');
    expect(calendarDate('2026-03-02T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-03-03');
  });

  it('the device’s calendar date is the one its default zone formats', () => {
    const deviceDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    const stamps = Array.from({ length: 400 }, (_, index) => new Date(Date.UTC(2026, 0, 1) + index * 22 * 3_600_000 + index * 7 * 60_000).toISOString());
    for (const stamp of [...stamps, '2026-03-01T23:00:00-10:00', '2026-03-02T00:30:00+14:00']) {
      expect(calendarDate(stamp), stamp).toBe(deviceDay.format(new Date(stamp)));
    }
  });
});

describe('SLA wording', () => {
  const now = new Date('2026-03-02T09:30:00.000Z');
  it('counts down to the response, then to the resolution', () => {
    expect(describeSlaDue(buildTicket({ status: 'assigned' }), now)).toBe('Response due in 30 min');
    const responded = buildTicket({ status: 'in_progress' });
    responded.sla = { ...responded.sla, respondedAt: '2026-03-02T09:10:00.000Z' };
    expect(describeSlaDue(responded, now)).toBe('Resolution due in 7 h 30 min');
    expect(describeSlaDue(responded, new Date('2026-03-02T18:00:00.000Z'))).toBe('Resolution overdue by 1 h 00 min');
  });

  it('says when the clock is paused or done', () => {
    expect(describeSlaDue(buildTicket({ status: 'on_hold' }), now)).toMatch(/paused/);
    expect(describeSlaDue(buildTicket({ status: 'resolved' }), now)).toBe('Resolved');
  });
});

describe('geo', () => {
  it('measures short distances in metres', () => {
    const meters = distanceMeters({ lat: 51.5055, lng: -0.0235 }, { lat: 51.5064, lng: -0.0235 });
    expect(meters).toBeGreaterThan(95);
    expect(meters).toBeLessThan(105);
    expect(formatDistance(meters)).toMatch(/^\d+ m$/);
    expect(formatDistance(1234)).toBe('1.2 km');
  });

  it('builds a geo: link and a web map link', () => {
    const links = mapLinks({ lat: 51.5, lng: -0.1 }, 'Dock & Co');
    expect(links.geo).toBe('geo:51.500000,-0.100000?q=51.500000,-0.100000(Dock%20%26%20Co)');
    expect(links.web).toContain('mlat=51.500000&mlon=-0.100000');
  });
});
