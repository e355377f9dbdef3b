import { describe, expect, it } from 'vitest';
import { computeReport, periodOf } from '@shared/domain/reports';
import type { Ticket } from '@shared/schemas/ticket';
import { buildTicket, buildWorkOrder } from '../../helpers/factories';

const HOUR = 3_600_000;
const NOW = new Date('2026-03-10T12:00:00.000Z');

/** A ticket created at `created`, due `dueHours` later, resolved `resolvedHours` later (if given). */
function ticket(id: string, created: string, dueHours: number, resolvedHours: number | undefined, extra: Partial<Ticket> = {}): Ticket {
  const createdMs = Date.parse(created);
  const resolvedAt = resolvedHours === undefined ? undefined : new Date(createdMs + resolvedHours * HOUR).toISOString();
  return buildTicket({
    id,
    createdAt: created,
    status: resolvedAt ? 'resolved' : 'in_progress',
    sla: {
      responseDueAt: new Date(createdMs + HOUR).toISOString(),
      resolutionDueAt: new Date(createdMs + dueHours * HOUR).toISOString(),
      ...(resolvedAt ? { resolvedAt } : {}),
      pausedMs: 0,
      state: 'ok',
      escalationLevel: 0,
    },
    ...extra,
  });
}

// The fixed data set: six tickets over two ISO weeks at two sites.
const TICKETS = [
  ticket('t1', '2026-03-02T08:00:00.000Z', 8, 4, { category: 'HVAC', siteId: 'site-lon' }), // on time, 4 h
  ticket('t2', '2026-03-03T08:00:00.000Z', 8, 10, { category: 'HVAC', siteId: 'site-lon' }), // late, 10 h
  ticket('t3', '2026-03-04T08:00:00.000Z', 24, 12, { category: 'Electrical', siteId: 'site-ber' }), // on time, 12 h
  ticket('t4', '2026-03-05T08:00:00.000Z', 8, undefined, { category: 'Electrical', siteId: 'site-ber' }), // open, past due: breached
  ticket('t5', '2026-03-10T08:00:00.000Z', 8, undefined, { category: 'HVAC', siteId: 'site-lon' }), // open, not yet due
  ticket('t6', '2026-03-09T08:00:00.000Z', 1, undefined, { category: 'Plumbing', siteId: 'site-lon', status: 'cancelled' }), // cancelled
];

const WORK_ORDERS = [
  buildWorkOrder({ ticketId: 't1', status: 'completed' }), // first-time fix
  buildWorkOrder({ ticketId: 't2', status: 'completed' }), // two visits: not first time
  buildWorkOrder({ ticketId: 't2', status: 'completed' }),
  buildWorkOrder({ ticketId: 't3', status: 'cancelled' }), // a cancelled visit does not count…
  buildWorkOrder({ ticketId: 't3', status: 'completed' }), // …so this is a first-time fix
  buildWorkOrder({ ticketId: 't4', status: 'in_progress' }), // not fixed yet
  buildWorkOrder({ status: 'completed' }), // no ticket: not in the rate
];

describe('computeReport on a fixed data set', () => {
  it('computes SLA compliance, mean time to resolve and the first-time-fix rate', () => {
    const report = computeReport(TICKETS, WORK_ORDERS, { now: NOW });
    expect(report.ticketCount).toBe(6);
    // Decided: t1 (met), t2 (late), t3 (met), t4 (open past due) → 2 of 4.
    expect(report).toMatchObject({ slaDecided: 4, slaMet: 2, slaCompliancePct: 50 });
    // Resolved t1 4 h, t2 10 h, t3 12 h → mean 26/3 h.
    expect(report.resolvedCount).toBe(3);
    expect(report.meanTimeToResolveMs).toBe(Math.round((26 / 3) * HOUR));
    // Fixed: t1, t2, t3; first time: t1, t3 → 66.7 %.
    expect(report).toMatchObject({ fixedTickets: 3, firstTimeFixes: 2, firstTimeFixPct: 66.7 });
  });

  it('counts volume by category and by site per ISO week', () => {
    const report = computeReport(TICKETS, WORK_ORDERS, { now: NOW, bucket: 'week' });
    expect(report.volumeByCategory).toEqual([
      { category: 'HVAC', count: 3 },
      { category: 'Electrical', count: 2 },
      { category: 'Plumbing', count: 1 },
    ]);
    expect(report.volumeOverTime).toEqual([
      { period: '2026-03-02', total: 4, bySite: { 'site-lon': 2, 'site-ber': 2 } },
      { period: '2026-03-09', total: 2, bySite: { 'site-lon': 2 } },
    ]);
  });

  it('limits everything to tickets created in the range and reports null with nothing to measure', () => {
    const report = computeReport(TICKETS, WORK_ORDERS, { now: NOW, range: { from: '2026-03-09T00:00:00.000Z' }, bucket: 'day' });
    expect(report.ticketCount).toBe(2);
    expect(report).toMatchObject({ slaCompliancePct: null, meanTimeToResolveMs: null, firstTimeFixPct: null });
    expect(report.volumeOverTime.map((row) => row.period)).toEqual(['2026-03-09', '2026-03-10']);
  });

  it('buckets days and Monday-based weeks in UTC', () => {
    expect(periodOf('2026-03-08T23:30:00.000Z', 'week')).toBe('2026-03-02');
    expect(periodOf('2026-03-09T00:30:00.000Z', 'week')).toBe('2026-03-09');
    expect(periodOf('2026-03-09T00:30:00+02:00', 'day')).toBe('2026-03-08');
  });
});
