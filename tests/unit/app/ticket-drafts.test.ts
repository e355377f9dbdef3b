import { describe, expect, it } from 'vitest';
import { KIND_CHECKLISTS } from '@shared/domain/checklist';
import { assignTicket, buildNewTicket, buildWorkOrderFromTicket, planDay } from '@app/features/tickets/ticket-drafts';
import { TicketSchema } from '@shared/schemas/ticket';
import { WorkOrderSchema } from '@shared/schemas/work-order';
import { buildSlaPolicy, buildTicket } from '../../helpers/factories';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const policies = [buildSlaPolicy({ id: 'pol-high', priority: 'high', responseMinutes: 60, resolutionMinutes: 480 })];
const input = { title: ' Lift stuck ', description: 'Between floors', category: 'Lifts', priority: 'high' as const, siteId: 'site-lon', tags: 'urgent, lift, urgent' };

describe('a new ticket from the desk', () => {
  it('is schema-valid, provisional, with the policy for its priority and an estimated SLA', () => {
    const ticket = buildNewTicket(input, 'user-dispatch1', policies, NOW, '01JABCDEF0123456789ABCDEFG');
    expect(TicketSchema.parse(ticket)).toEqual(ticket);
    expect(ticket).toMatchObject({ number: 'TCK-P-01JABCDEF0123456789ABCDEFG', title: 'Lift stuck', status: 'new', slaPolicyId: 'pol-high', tags: ['urgent', 'lift'], reportedBy: 'user-dispatch1' });
    expect(ticket.sla).toMatchObject({ responseDueAt: '2026-03-02T10:00:00.000Z', resolutionDueAt: '2026-03-02T17:00:00.000Z', state: 'ok' });
  });

  it('names the field that is missing', () => {
    expect(() => buildNewTicket({ ...input, title: ' ' }, 'u', policies, NOW)).toThrow(expect.objectContaining({ field: 'title' }));
    expect(() => buildNewTicket({ ...input, siteId: '' }, 'u', policies, NOW)).toThrow(expect.objectContaining({ field: 'siteId' }));
    expect(() => buildNewTicket({ ...input, priority: 'low' }, 'u', policies, NOW)).toThrow(expect.objectContaining({ field: 'priority' }));
  });

  it('names every missing field at once, so one attempt says all that needs fixing', () => {
    expect(() => buildNewTicket({ ...input, title: '', siteId: '', category: '' }, 'u', policies, NOW)).toThrow(
      expect.objectContaining({ field: 'title', problems: [expect.objectContaining({ field: 'title' }), expect.objectContaining({ field: 'siteId' }), expect.objectContaining({ field: 'category' })] }),
    );
  });
});

describe('a work order from a ticket', () => {
  const ticket = buildTicket({ id: 'tck-1', siteId: 'site-lon', assetId: 'asset-1', status: 'new' });

  it('takes the site and asset, is scheduled and assigned, and the ticket follows the engineer', () => {
    const wo = buildWorkOrderFromTicket(ticket, { assigneeId: 'user-eng1', kind: 'corrective', scheduledStart: '2026-03-02T10:00:00.000Z', scheduledEnd: '2026-03-02T12:00:00.000Z' }, NOW, '01JABCDEF0123456789ABCDEFH');
    expect(WorkOrderSchema.parse(wo)).toEqual(wo);
    expect(wo).toMatchObject({ ticketId: 'tck-1', siteId: 'site-lon', assetId: 'asset-1', assigneeId: 'user-eng1', status: 'scheduled', number: 'WO-P-01JABCDEF0123456789ABCDEFH' });
    expect(assignTicket(ticket, 'user-eng1')).toMatchObject({ status: 'assigned', assigneeId: 'user-eng1' });
    expect(assignTicket({ ...ticket, status: 'in_progress' }, 'user-eng2')).toMatchObject({ status: 'in_progress', assigneeId: 'user-eng2' });
  });

  it('starts with the kind’s default checklist, or the one the desk left', () => {
    const times = { assigneeId: 'user-eng1', scheduledStart: '2026-03-02T10:00:00.000Z', scheduledEnd: '2026-03-02T12:00:00.000Z' };
    const preventive = buildWorkOrderFromTicket(ticket, { ...times, kind: 'preventive' }, NOW);
    expect(preventive.checklist.map((item) => item.label)).toEqual(KIND_CHECKLISTS.preventive);
    expect(preventive.checklist.every((item) => !item.done)).toBe(true);
    const chosen = [{ id: 'chk-a', label: 'Replace the filter', done: false }];
    expect(buildWorkOrderFromTicket(ticket, { ...times, kind: 'preventive', checklist: chosen }, NOW).checklist).toEqual(chosen);
  });

  it('needs an engineer and an end after the start', () => {
    const times = { kind: 'corrective' as const, scheduledStart: '2026-03-02T10:00:00.000Z', scheduledEnd: '2026-03-02T10:00:00.000Z' };
    expect(() => buildWorkOrderFromTicket(ticket, { ...times, assigneeId: '' }, NOW)).toThrow(expect.objectContaining({ field: 'assigneeId' }));
    expect(() => buildWorkOrderFromTicket(ticket, { ...times, assigneeId: 'user-eng1' }, NOW)).toThrow(expect.objectContaining({ field: 'scheduledEnd' }));
  });
});

describe("an engineer's day", () => {
  it('sorts by start and flags overlapping entries only', () => {
    const day = planDay([
      { id: 'c', label: 'C', start: '2026-03-02T13:00:00.000Z', end: '2026-03-02T14:00:00.000Z' },
      { id: 'a', label: 'A', start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T11:00:00.000Z' },
      { id: 'b', label: 'B', start: '2026-03-02T10:30:00.000Z', end: '2026-03-02T12:00:00.000Z' },
      { id: 'd', label: 'D', start: '2026-03-02T14:00:00.000Z', end: '2026-03-02T15:00:00.000Z' },
    ]);
    expect(day.map((entry) => [entry.id, entry.overlaps])).toEqual([['a', true], ['b', true], ['c', false], ['d', false]]);
  });
});
