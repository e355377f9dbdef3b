import { describe, expect, it } from 'vitest';
import { slaViewAt } from '@shared/domain/sla/sla-state';
import { buildTicket } from '../../helpers/factories';

describe('SLA badge view', () => {
  const ticket = buildTicket({ status: 'assigned' }); // response due 10:00, resolution 17:00 (factory)
  it('counts down to the response, then to the resolution', () => {
    expect(slaViewAt(ticket, new Date('2026-03-02T09:40:00.000Z'))).toMatchObject({ state: 'ok', target: 'response', leftMs: 20 * 60_000 });
    const responded = { ...ticket, status: 'in_progress' as const, sla: { ...ticket.sla, respondedAt: '2026-03-02T09:30:00.000Z' } };
    expect(slaViewAt(responded, new Date('2026-03-02T16:00:00.000Z'))).toMatchObject({ state: 'ok', target: 'resolution', leftMs: 60 * 60_000 });
  });
  it('shows a breach as soon as the due time passes, before the checker has run', () => {
    expect(slaViewAt(ticket, new Date('2026-03-02T10:00:01.000Z')).state).toBe('breached');
  });
  it('shows the server’s warning, a pause and a met target', () => {
    expect(slaViewAt({ ...ticket, sla: { ...ticket.sla, state: 'warning' } }, new Date('2026-03-02T09:40:00.000Z')).state).toBe('warning');
    expect(slaViewAt({ ...ticket, status: 'on_hold' }, new Date('2026-03-03T09:00:00.000Z')).state).toBe('paused');
    const resolved = { ...ticket, status: 'resolved' as const, sla: { ...ticket.sla, resolvedAt: '2026-03-02T12:00:00.000Z' } };
    expect(slaViewAt(resolved, new Date('2026-03-05T09:00:00.000Z')).state).toBe('met');
    expect(slaViewAt({ ...resolved, sla: { ...resolved.sla, resolvedAt: '2026-03-02T18:00:00.000Z' } }, new Date()).state).toBe('breached');
  });
});
