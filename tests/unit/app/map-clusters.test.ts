import { describe, expect, it } from 'vitest';
import { mapPoints, summariseCluster } from '@app/features/map/map-clusters';
import { summariseSites, worstOf } from '@app/features/map/map-data';
import { buildSite, buildTicket } from '../../helpers/factories';

const sla = (state: 'ok' | 'warning' | 'breached') => ({ ...buildTicket().sla, state });

describe('map clusters', () => {
  it('takes the most urgent SLA state: breached over warning over ok over none', () => {
    expect(worstOf([])).toBe('none');
    expect(worstOf(['none', 'ok'])).toBe('ok');
    expect(worstOf(['ok', 'warning', 'ok'])).toBe('warning');
    expect(worstOf(['ok', 'breached', 'warning', 'none'])).toBe('breached');
  });

  it("colours a cluster by its worst member, so one breach among many on-track tickets shows", () => {
    const members = [
      ...Array.from({ length: 9 }, () => ({ siteId: 's1', state: 'ok' as const })),
      { siteId: 's2', state: 'breached' as const },
      { siteId: 's2', state: 'warning' as const },
    ];
    expect(summariseCluster(members)).toEqual({
      jobs: 11,
      siteIds: ['s1', 's2'],
      worst: 'breached',
      label: '11 open tickets at 2 sites: 1 breached, 1 at risk, 9 on track',
    });
    expect(summariseCluster(members.slice(0, 9))).toMatchObject({ worst: 'ok', siteIds: ['s1'], label: '9 open tickets at 1 site: 9 on track' });
  });

  it('counts open tickets only: an idle site adds a site to the cluster but no ticket', () => {
    expect(summariseCluster([{ siteId: 'idle', state: 'none' }, { siteId: 's1', state: 'warning' }])).toEqual({
      jobs: 1,
      siteIds: ['idle', 's1'],
      worst: 'warning',
      label: '1 open ticket at 2 sites: 1 at risk',
    });
    expect(summariseCluster([{ siteId: 'a', state: 'none' }, { siteId: 'b', state: 'none' }])).toMatchObject({ jobs: 0, worst: 'none', label: 'No open tickets at 2 sites' });
  });

  it("puts each open ticket at its site, worst first, and a site with none as one idle point", () => {
    const london = buildSite({ id: 'lon', location: { lat: 51.5, lng: -0.02 } });
    const berlin = buildSite({ id: 'ber', location: { lat: 52.5, lng: 13.4 } });
    const summary = summariseSites([
      buildTicket({ id: 't-ok', siteId: 'lon', status: 'new', sla: sla('ok') }),
      buildTicket({ id: 't-late', siteId: 'lon', status: 'assigned', sla: sla('breached') }),
      buildTicket({ id: 't-done', siteId: 'ber', status: 'closed', sla: sla('breached') }),
      buildTicket({ id: 't-elsewhere', siteId: 'not-synced', status: 'new', sla: sla('warning') }),
    ]);
    expect(mapPoints([london, berlin], summary, new Date('2026-03-02T09:00:00.000Z'))).toEqual([
      { key: 'ticket:t-late', ticketId: 't-late', siteId: 'lon', lat: 51.5, lng: -0.02, state: 'breached' },
      { key: 'ticket:t-ok', ticketId: 't-ok', siteId: 'lon', lat: 51.5, lng: -0.02, state: 'ok' },
      { key: 'site:ber', siteId: 'ber', lat: 52.5, lng: 13.4, state: 'none' },
    ]);
    // Past its due time, a ticket the server still has on track shows breached, as its badge does.
    const later = mapPoints([london], summary, new Date('2026-03-10T09:00:00.000Z'));
    expect(later.find((point) => point.ticketId === 't-ok')?.state).toBe('breached');
  });
});
