import { describe, expect, it } from 'vitest';
import { calendarDate, formatDay, formatDayTime, formatDuration, formatSiteTime, formatTime, zoneCity } from '@app/components/format';
import { actorName } from '@app/components/actor-names';
import { describeNoticeDue } from '@app/features/notifications/notification-text';
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

  it('durations switch to days at 24 h, so any two side by side read alike', () => {
    expect(formatDuration(23 * 3_600_000 + 59 * 60_000)).toBe('23 h 59 min');
    expect(formatDuration(24 * 3_600_000)).toBe('1 d 0 h');
    expect(formatDuration((36 * 60 + 46) * 60_000)).toBe('1 d 12 h');
    expect(formatDuration((4 * 24 + 8) * 3_600_000 + 59 * 60_000)).toBe('4 d 8 h');
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

describe('times on a site’s clock', () => {
  // 05:57 in London is 06:57 in Berlin and 16:57 in Sydney on 5 Dec 2026.
  const at = '2026-12-05T05:57:00.000Z';

  it('day and time are the two formatters side by side, in the site’s zone', () => {
    expect(formatDayTime(at, 'Europe/Berlin')).toBe(`${formatDay(at, 'Europe/Berlin')} ${formatTime(at, 'Europe/Berlin')}`);
    expect(formatTime(at, 'Europe/Berlin')).toBe(formatTime('2026-12-05T06:57:00.000Z', 'Europe/London'));
  });

  it('a site on the reader’s clock is not labelled; another zone is named, with its day when that differs', () => {
    expect(formatSiteTime(at, 'Europe/London', { readerZone: 'Europe/London' })).toBe(formatTime(at, 'Europe/London'));
    expect(formatSiteTime(at, 'Europe/Berlin', { readerZone: 'Europe/London' })).toBe(`${formatTime(at, 'Europe/Berlin')} (Berlin time)`);
    expect(formatSiteTime('2026-12-05T23:30:00.000Z', 'Australia/Sydney', { readerZone: 'Europe/London' })).toBe(`${formatDayTime('2026-12-05T23:30:00.000Z', 'Australia/Sydney')} (Sydney time)`);
    expect(formatSiteTime(at, 'America/New_York', { readerZone: 'Europe/London', withDay: true })).toBe(`${formatDayTime(at, 'America/New_York')} (New York time)`);
    expect(formatSiteTime(at, undefined, { readerZone: 'Europe/London' })).toBe(formatTime(at));
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });

  it('an alert’s due time is worded like every other time, ahead for a warning and passed for a breach', () => {
    const due = { target: 'response' as const, at, timeZone: 'Europe/London' };
    expect(describeNoticeDue({ kind: 'sla_warning', due }, 'Europe/London')).toBe(`Response due ${formatDayTime(at, 'Europe/London')}`);
    expect(describeNoticeDue({ kind: 'sla_breached', due: { ...due, target: 'resolution' } }, 'Europe/Berlin')).toBe(`Resolution was due ${formatDayTime(at, 'Europe/London')} (London time)`);
    expect(describeNoticeDue({ kind: 'sla_breached' })).toBeUndefined();
  });
});

describe('who did it', () => {
  it('names people, the server’s own jobs, and people this device does not hold', () => {
    const people = new Map([['user-eng1', { fullName: 'Ada Engineer' }]]);
    expect(actorName('user-eng1', people)).toBe('Ada Engineer');
    expect(actorName('system-sla', people)).toBe('SLA monitor');
    expect(actorName('system', people)).toBe('System');
    expect(actorName('user-elsewhere', people)).toBe('another user');
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
