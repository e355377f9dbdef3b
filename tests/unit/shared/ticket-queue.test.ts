import { describe, expect, it } from 'vitest';
import { filterTickets, parseQueueFilters, planBulkAssign, planBulkStatus, queueFiltersToParams, sortBySlaUrgency } from '@shared/domain/ticket-queue';
import { buildTicket } from '../../helpers/factories';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const sla = (responseDueAt: string, resolutionDueAt: string, respondedAt?: string) => ({
  responseDueAt, resolutionDueAt, ...(respondedAt ? { respondedAt } : {}), pausedMs: 0, state: 'ok' as const, escalationLevel: 0,
});

describe('queue filters in the URL', () => {
  it('round-trips through search params and drops a bad value instead of failing', () => {
    const filters = parseQueueFilters(new URLSearchParams('status=new,assigned&priority=bogus&site=site-lon&q=chiller'));
    expect(filters).toEqual({ status: ['new', 'assigned'], priority: [], sla: [], site: 'site-lon', q: 'chiller' });
    expect(queueFiltersToParams(filters).toString()).toBe('status=new%2Cassigned&site=site-lon&q=chiller');
  });

  it('filters by status, assignee (none = unassigned) and every word of the free text', () => {
    const a = buildTicket({ id: 'a', status: 'new', title: 'Chiller alarm', tags: ['roof'] });
    const b = buildTicket({ id: 'b', status: 'assigned', assigneeId: 'user-eng1', title: 'Lift stuck', description: 'Between floors 2 and 3.' });
    expect(filterTickets([a, b], parseQueueFilters(new URLSearchParams('assignee=none')))).toEqual([a]);
    expect(filterTickets([a, b], parseQueueFilters(new URLSearchParams('q=chiller roof')))).toEqual([a]);
    expect(filterTickets([a, b], parseQueueFilters(new URLSearchParams('status=assigned')))).toEqual([b]);
  });
});

describe('sorting by SLA urgency', () => {
  it('puts overdue first, then the nearest deadline; paused and finished tickets last', () => {
    const overdue = buildTicket({ number: 'TCK-000001', sla: sla('2026-03-02T08:00:00.000Z', '2026-03-02T20:00:00.000Z') });
    const soon = buildTicket({ number: 'TCK-000002', sla: sla('2026-03-02T09:30:00.000Z', '2026-03-02T12:00:00.000Z') });
    // Responded: the resolution deadline (10:00) counts, not the missed response one.
    const responded = buildTicket({ number: 'TCK-000003', status: 'in_progress', sla: sla('2026-03-02T07:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-02T06:50:00.000Z') });
    const paused = buildTicket({ number: 'TCK-000004', status: 'on_hold', sla: sla('2026-03-02T07:00:00.000Z', '2026-03-02T08:00:00.000Z') });
    const done = buildTicket({ number: 'TCK-000005', status: 'closed', sla: sla('2026-03-02T07:00:00.000Z', '2026-03-02T08:00:00.000Z') });
    const order = sortBySlaUrgency([done, paused, responded, soon, overdue], NOW).map((ticket) => ticket.number);
    expect(order).toEqual(['TCK-000001', 'TCK-000002', 'TCK-000003', 'TCK-000004', 'TCK-000005']);
  });
});

describe('bulk changes', () => {
  it('applies legal status moves only and explains each refusal', () => {
    const fresh = buildTicket({ id: 'fresh', status: 'new' });
    const working = buildTicket({ id: 'working', status: 'in_progress' });
    const closed = buildTicket({ id: 'closed', status: 'closed' });
    const plan = planBulkStatus([fresh, working, closed], 'on_hold', 'dispatcher');
    expect(plan.changed.map((ticket) => [ticket.id, ticket.status])).toEqual([['working', 'on_hold']]);
    expect(plan.refused.map(({ ticket, reason }) => [ticket.id, reason])).toEqual([
      ['fresh', 'a ticket cannot go from new to on_hold (allowed: assigned, in_progress, cancelled, resolved)'],
      ['closed', 'a ticket that is closed cannot change status (asked for on_hold)'],
    ]);
  });

  it('refuses "assigned" without an assignee, and assigning turns new tickets into assigned ones', () => {
    const fresh = buildTicket({ id: 'fresh', status: 'new' });
    const resolved = buildTicket({ id: 'resolved', status: 'resolved' });
    expect(planBulkStatus([fresh], 'assigned', 'dispatcher').refused[0]?.reason).toBe('has no assignee: assign someone first');
    const plan = planBulkAssign([fresh, resolved], 'user-eng2', 'dispatcher');
    expect(plan.changed).toEqual([{ ...fresh, status: 'assigned', assigneeId: 'user-eng2' }]);
    expect(plan.refused.map(({ reason }) => reason)).toEqual(['a resolved ticket cannot be reassigned']);
  });
});
