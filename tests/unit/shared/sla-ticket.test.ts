import { describe, expect, it } from 'vitest';
import { acceptActionTime } from '@shared/domain/sla/action-time';
import type { BusinessCalendar } from '@shared/domain/sla/calendar';
import { slaViewAt } from '@shared/domain/sla/sla-state';
import { computeTicketSla, markThresholdCrossed, recordFirstResponse, type SlaPrevious } from '@shared/domain/sla/ticket-sla';
import type { TicketStatus } from '@shared/schemas/ticket';

const HOUR = 3_600_000;
const office: BusinessCalendar = { timeZone: 'Europe/London', hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), holidays: [] };
const targets = { responseMinutes: 60, resolutionMinutes: 480 };
const createdAt = '2026-03-02T09:00:00.000Z'; // Monday, GMT
const d = (iso: string) => new Date(iso);

/** Replays status changes the way the server applies them, one accepted change at a time. */
function replay(calendar: BusinessCalendar, changes: [TicketStatus, string][], now?: string) {
  let previous: SlaPrevious | undefined;
  let result = computeTicketSla({ calendar, targets, ticket: { createdAt, status: 'new' }, actionAt: d(createdAt), now: d(createdAt) });
  previous = { status: 'new', sla: result.sla, statusChangedAt: result.statusChangedAt, updatedAt: createdAt };
  for (const [status, at] of changes) {
    result = computeTicketSla({ calendar, targets, ticket: { createdAt, status }, previous, actionAt: d(at), now: d(now ?? at) });
    previous = { status, sla: result.sla, statusChangedAt: result.statusChangedAt, updatedAt: at };
  }
  return previous;
}

describe('ticket SLA: due times and thresholds', () => {
  it('sets both due times in business hours and points at the first warning', () => {
    const ticket = replay(office, []);
    expect(ticket.sla).toMatchObject({
      responseDueAt: '2026-03-02T10:00:00.000Z',
      resolutionDueAt: '2026-03-02T17:00:00.000Z',
      pausedMs: 0,
      state: 'ok',
      escalationLevel: 0,
      crossed: [],
      nextThresholdAt: '2026-03-02T09:30:00.000Z',
    });
  });

  it('records the first response when work starts, and the next threshold moves to the resolution clock', () => {
    const ticket = replay(office, [['assigned', '2026-03-02T09:10:00.000Z'], ['in_progress', '2026-03-02T09:20:00.000Z']]);
    expect(ticket.sla.respondedAt).toBe('2026-03-02T09:20:00.000Z');
    // The response warnings at 09:30/09:45 never happen: the clock stopped at 09:20. Resolution warns at 50% = 13:00.
    expect(ticket.sla.nextThresholdAt).toBe('2026-03-02T13:00:00.000Z');
  });

  it('does not count an assignment as a response', () => {
    expect(replay(office, [['assigned', '2026-03-02T09:10:00.000Z']]).sla.respondedAt).toBeUndefined();
  });

  it('counts the assignee’s first comment as the response, once', () => {
    const ticket = { ...replay(office, [['assigned', '2026-03-02T09:10:00.000Z']]), createdAt };
    const sla = recordFirstResponse({ calendar: office, targets, ticket, actionAt: d('2026-03-02T09:25:00.000Z'), now: d('2026-03-02T09:25:00.000Z') });
    expect(sla?.respondedAt).toBe('2026-03-02T09:25:00.000Z');
    expect(sla?.nextThresholdAt).toBe('2026-03-02T13:00:00.000Z');
    const again = recordFirstResponse({ calendar: office, targets, ticket: { ...ticket, sla: sla! }, actionAt: d('2026-03-02T10:40:00.000Z'), now: d('2026-03-02T10:40:00.000Z') });
    expect(again).toBeUndefined();
  });

  it('escalates through each threshold once the checker marks it crossed', () => {
    let ticket = { ...replay(office, []), createdAt };
    const seen: string[] = [];
    const now = d('2026-03-04T12:00:00.000Z'); // far past every threshold of the response clock
    while (ticket.sla.nextThresholdAt) {
      const key = nextKey(ticket.sla.nextThresholdAt);
      seen.push(key);
      ticket = { ...ticket, sla: markThresholdCrossed({ calendar: office, targets, ticket, now }, key) };
    }
    expect(seen).toEqual([
      'response.warn50', 'response.warn75', 'response.breach', 'resolution.warn50', 'resolution.warn75',
      'resolution.breach', 'response.escalate2', 'resolution.escalate2',
    ]);
    expect(ticket.sla.escalationLevel).toBe(2);
    expect(ticket.sla.state).toBe('breached');

    function nextKey(atIso: string): string {
      const times: Record<string, string> = {
        '2026-03-02T09:30:00.000Z': 'response.warn50', '2026-03-02T09:45:00.000Z': 'response.warn75', '2026-03-02T10:00:00.000Z': 'response.breach',
        '2026-03-02T13:00:00.000Z': 'resolution.warn50', '2026-03-02T15:00:00.000Z': 'resolution.warn75', '2026-03-02T17:00:00.000Z': 'resolution.breach',
        '2026-03-03T10:00:00.000Z': 'response.escalate2', '2026-03-03T17:00:00.000Z': 'resolution.escalate2',
      };
      const key = times[atIso];
      if (!key) throw new Error(`unexpected threshold at ${atIso}`);
      return key;
    }
  });

  it('warns past half the resolution target and breaches at it', () => {
    const working = replay(office, [['in_progress', '2026-03-02T09:20:00.000Z']]);
    const at = (now: string) => computeTicketSla({ calendar: office, targets, ticket: { createdAt, status: 'in_progress' }, previous: working, actionAt: d(now), now: d(now) }).sla.state;
    expect(at('2026-03-02T12:59:00.000Z')).toBe('ok');
    expect(at('2026-03-02T13:00:00.000Z')).toBe('warning');
    expect(at('2026-03-02T17:00:00.000Z')).toBe('breached');
  });
});

describe('ticket SLA: pauses and reopening', () => {
  it('pauses the resolution clock on hold, counting only business time over the night', () => {
    // On hold Monday 16:00, resumed Tuesday 10:00: paused 16–17 Monday and 09–10 Tuesday = 2 business hours.
    const ticket = replay(office, [['in_progress', '2026-03-02T10:00:00.000Z'], ['on_hold', '2026-03-02T16:00:00.000Z'], ['in_progress', '2026-03-03T10:00:00.000Z']]);
    expect(ticket.sla.pausedMs).toBe(2 * HOUR);
    expect(ticket.sla.resolutionDueAt).toBe('2026-03-03T11:00:00.000Z');
  });

  it('has nothing due while on hold, and no breach while paused past the due time', () => {
    const held = replay(office, [['in_progress', '2026-03-02T09:20:00.000Z'], ['on_hold', '2026-03-02T12:00:00.000Z']], '2026-03-03T12:00:00.000Z');
    expect(held.sla.nextThresholdAt).toBeUndefined();
    expect(held.sla.state).toBe('ok');
    expect(slaViewAt(held, d('2026-03-03T12:00:00.000Z')).state).toBe('paused');
  });

  it('resumes the resolution clock on reopen from where it stopped, and keeps what was crossed', () => {
    const resolved = replay(office, [['in_progress', '2026-03-02T09:30:00.000Z'], ['resolved', '2026-03-02T12:00:00.000Z']]);
    expect(resolved.sla.resolvedAt).toBe('2026-03-02T12:00:00.000Z');
    const crossed = { ...resolved, sla: { ...resolved.sla, crossed: ['response.warn50'], escalationLevel: 0 } };
    const reopened = computeTicketSla({ calendar: office, targets, ticket: { createdAt, status: 'in_progress' }, previous: crossed, actionAt: d('2026-03-03T10:00:00.000Z'), now: d('2026-03-03T10:00:00.000Z') }).sla;
    expect(reopened.resolvedAt).toBeUndefined();
    // Resolved for Monday 12–17 and Tuesday 09–10: 6 business hours added to the 8 h target.
    expect(reopened.pausedMs).toBe(6 * HOUR);
    expect(reopened.resolutionDueAt).toBe('2026-03-03T15:00:00.000Z');
    expect(reopened.crossed).toEqual(['response.warn50']);
    expect(reopened.respondedAt).toBe('2026-03-02T09:30:00.000Z');
  });

  it('judges a resolved ticket by when it was resolved, not by when it is closed', () => {
    const closed = replay(office, [['in_progress', '2026-03-02T09:20:00.000Z'], ['resolved', '2026-03-02T16:00:00.000Z'], ['closed', '2026-03-05T10:00:00.000Z']]);
    expect(closed.sla.resolvedAt).toBe('2026-03-02T16:00:00.000Z');
    expect(closed.sla.state).toBe('ok');
    expect(closed.sla.nextThresholdAt).toBe('2026-03-02T13:00:00.000Z'); // the 50% warning happened while it ran
  });
});

describe('ticket SLA: offline action time', () => {
  it('a ticket resolved offline an hour before its due time and synced after it is not breached', () => {
    const working = replay(office, [['in_progress', '2026-03-02T09:30:00.000Z']]);
    const syncedAt = d('2026-03-02T18:30:00.000Z'); // after the 17:00 due time
    const verdict = acceptActionTime('2026-03-02T16:00:00.000Z', syncedAt, working.statusChangedAt);
    expect(verdict.accepted).toBe(true);
    const { sla } = computeTicketSla({ calendar: office, targets, ticket: { createdAt, status: 'resolved' }, previous: working, actionAt: verdict.at, now: syncedAt });
    expect(sla.resolvedAt).toBe('2026-03-02T16:00:00.000Z');
    expect(sla.state).toBe('ok');
    expect(slaViewAt({ status: 'resolved', sla }, syncedAt).state).toBe('met');
  });

  it('accepts a device time only within the skew rule', () => {
    const now = d('2026-03-10T12:00:00.000Z');
    expect(acceptActionTime('2026-03-10T12:01:30.000Z', now, undefined)).toEqual({ at: now, accepted: true });
    expect(acceptActionTime('2026-03-10T12:03:00.000Z', now, undefined).accepted).toBe(false);
    expect(acceptActionTime('2026-03-03T11:59:00.000Z', now, undefined).accepted).toBe(false);
    expect(acceptActionTime('2026-03-03T12:01:00.000Z', now, undefined).accepted).toBe(true);
    expect(acceptActionTime('2026-03-09T10:00:00.000Z', now, '2026-03-09T11:00:00.000Z')).toMatchObject({ at: now, accepted: false });
    expect(acceptActionTime('yesterday', now, undefined).accepted).toBe(false);
    expect(acceptActionTime(undefined, now, undefined).accepted).toBe(false);
  });
});
