import { describe, expect, it } from 'vitest';
import { serviceHistory } from '@app/features/assets/service-history';
import { buildTicket, buildWorkOrder } from '../../helpers/factories';

describe('an asset’s service history', () => {
  const job = (id: string, completedAt: string | undefined, status: 'completed' | 'in_progress' = 'completed') =>
    buildWorkOrder({ id, status, ...(completedAt ? { completedAt, resolution: `Fixed in ${id}` } : {}) });

  it('merges completed jobs and closed tickets newest first, leaving out open work', () => {
    const resolved = buildTicket({ id: 'tck-resolved', status: 'resolved' });
    resolved.sla.resolvedAt = '2026-03-03T10:00:00.000Z';
    const cancelled = { ...buildTicket({ id: 'tck-cancelled', status: 'cancelled' }), statusChangedAt: '2026-03-01T09:00:00.000Z' };
    const open = buildTicket({ id: 'tck-open', status: 'in_progress' });
    const history = serviceHistory([job('wo-old', '2026-02-20T10:00:00.000Z'), job('wo-new', '2026-03-04T16:00:00+01:00'), job('wo-running', undefined, 'in_progress')], [resolved, cancelled, open], 10);
    expect(history.map((entry) => [entry.kind, entry.at])).toEqual([
      ['workOrder', '2026-03-04T16:00:00+01:00'],
      ['ticket', '2026-03-03T10:00:00.000Z'],
      ['ticket', '2026-03-01T09:00:00.000Z'],
      ['workOrder', '2026-02-20T10:00:00.000Z'],
    ]);
  });

  it('orders by instant, not by how the stamp is written, and cuts to the limit', () => {
    // 09:00 in New York is after 12:00 in London on the same day.
    const history = serviceHistory([job('wo-london', '2026-03-04T12:00:00Z'), job('wo-new-york', '2026-03-04T09:00:00-05:00'), job('wo-earlier', '2026-03-01T12:00:00Z')], [], 2);
    expect(history.map((entry) => (entry.kind === 'workOrder' ? entry.workOrder.id : entry.ticket.id))).toEqual(['wo-new-york', 'wo-london']);
  });
});
