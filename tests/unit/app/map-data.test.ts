import { describe, expect, it } from 'vitest';
import { lastCheckIns, summariseSites, todaysWorkOrders } from '@app/features/map/map-data';
import { buildTicket, buildWorkOrder } from '../../helpers/factories';

const sla = (state: 'ok' | 'warning' | 'breached') => ({ ...buildTicket().sla, state });

describe('map data', () => {
  it('counts open tickets per site and keeps the worst SLA state', () => {
    const summary = summariseSites([
      buildTicket({ siteId: 's1', status: 'new', sla: sla('ok') }),
      buildTicket({ siteId: 's1', status: 'in_progress', sla: sla('breached') }),
      buildTicket({ siteId: 's1', status: 'closed', sla: sla('breached') }),
      buildTicket({ siteId: 's2', status: 'on_hold', sla: sla('warning') }),
    ]);
    expect(summary.get('s1')).toMatchObject({ worst: 'breached' });
    expect(summary.get('s1')?.open).toHaveLength(2);
    expect(summary.get('s2')).toMatchObject({ worst: 'warning' });
  });

  it("keeps each engineer's latest check-in and lists today's unfinished jobs", () => {
    const early = { lat: 1, lng: 1, accuracy: 5, at: '2026-03-02T08:00:00.000Z' };
    const late = { lat: 2, lng: 2, accuracy: 5, at: '2026-03-02T11:00:00.000Z' };
    const wos = [
      buildWorkOrder({ id: 'w1', assigneeId: 'e1', checkIn: late, scheduledStart: '2026-03-02T10:00:00.000Z', scheduledEnd: '2026-03-02T12:00:00.000Z' }),
      buildWorkOrder({ id: 'w2', assigneeId: 'e1', checkIn: early, status: 'completed', scheduledStart: '2026-03-02T07:00:00.000Z', scheduledEnd: '2026-03-02T08:30:00.000Z' }),
      buildWorkOrder({ id: 'w3', assigneeId: 'e2', scheduledStart: '2026-03-05T10:00:00.000Z', scheduledEnd: '2026-03-05T12:00:00.000Z' }),
    ];
    expect(lastCheckIns(wos).get('e1')).toEqual({ ...late, siteId: wos[0]?.siteId });
    expect(lastCheckIns(wos).has('e2')).toBe(false);
    expect(todaysWorkOrders(wos, new Date('2026-03-02T12:00:00.000Z')).map((wo) => wo.id)).toEqual(['w1']);
  });
});
