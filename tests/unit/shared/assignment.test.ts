import { describe, expect, it } from 'vitest';
import { distanceKm, rankEngineers, type AssignmentInput } from '@shared/domain/assignment';
import { buildCategory, buildSite, buildUser, buildWorkOrder } from '../../helpers/factories';

// A fixed world: one London site, three engineers with known skills, positions and workloads.
const london = buildSite({ id: 'site-lon', location: { lat: 51.5049, lng: -0.0195 } });
const berlin = buildSite({ id: 'site-ber', location: { lat: 52.5219, lng: 13.4132 } });
const hvac = buildCategory({ name: 'HVAC', skills: ['hvac', 'refrigeration'] });
const ana = buildUser({ id: 'user-ana', fullName: 'Ana', skills: ['hvac', 'refrigeration'], siteIds: ['site-ber'] });
const ben = buildUser({ id: 'user-ben', fullName: 'Ben', skills: ['hvac'], siteIds: ['site-lon'] });
const cai = buildUser({ id: 'user-cai', fullName: 'Cai', skills: ['plumbing'], siteIds: ['site-lon'] });
const retired = buildUser({ id: 'user-old', fullName: 'Old', skills: ['hvac', 'refrigeration'], active: false });
const dispatcher = buildUser({ id: 'user-desk', fullName: 'Desk', role: 'dispatcher', skills: ['hvac'] });

function world(overrides: Partial<AssignmentInput> = {}): AssignmentInput {
  return {
    ticket: { category: 'HVAC' },
    site: london,
    engineers: [ana, ben, cai, retired, dispatcher],
    workOrders: [
      // Ben is busy: a critical and a high job still open, plus a completed one that does not count.
      buildWorkOrder({ assigneeId: 'user-ben', status: 'in_progress', ticketId: 't-crit' }),
      buildWorkOrder({ assigneeId: 'user-ben', status: 'scheduled', ticketId: 't-high' }),
      buildWorkOrder({ assigneeId: 'user-ben', status: 'completed', ticketId: 't-crit' }),
      // Ana checked in at the London site this morning (later than her older check-in in Berlin).
      buildWorkOrder({ assigneeId: 'user-ana', status: 'completed', checkIn: { lat: 52.5219, lng: 13.4132, accuracy: 5, at: '2026-03-01T09:00:00.000Z' } }),
      buildWorkOrder({ assigneeId: 'user-ana', status: 'completed', checkIn: { lat: 51.5049, lng: -0.0195, accuracy: 5, at: '2026-03-02T09:00:00.000Z' } }),
    ],
    ticketPriorities: new Map([['t-crit', 'critical'], ['t-high', 'high']]),
    categories: [hvac],
    sites: [london, berlin],
    ...overrides,
  };
}

describe('rankEngineers', () => {
  it('ranks by skills (40) + nearness (35) + availability (25), with a reason for each part', () => {
    const ranked = rankEngineers(world());
    expect(ranked.map((entry) => entry.engineer.id)).toEqual(['user-ana', 'user-ben', 'user-cai']);
    const [ana, ben, cai] = ranked;
    // Ana: both skills, checked in at the site, no active jobs: the full 100.
    expect(ana).toMatchObject({ score: 100, load: 0, activeJobs: 0, distanceKm: 0 });
    expect(ana?.reasons).toEqual([
      { part: 'skills', points: 40, text: 'has hvac, refrigeration' },
      { part: 'nearness', points: 35, text: '0.0 km from the site (check-in)' },
      { part: 'availability', points: 25, text: 'no active work orders' },
    ]);
    // Cai: no skill, at the site by home, idle: 0 + 35 + 25.
    expect(cai?.score).toBe(60);
    expect(cai?.reasons[0]).toEqual({ part: 'skills', points: 0, text: 'lacks hvac, refrigeration' });
    expect(cai?.reasons[1]?.text).toBe('0.0 km from the site (home site)');
    // Ben: one of two skills (20), at the site (35), load critical 4 + high 3 = 7 of 12 → 25 × 5/12 = 10.4.
    expect(ben).toMatchObject({ score: 65.4, load: 7, activeJobs: 2 });
    expect(ben?.reasons[2]).toEqual({ part: 'availability', points: 10.4, text: '2 active work orders (load 7 of 12)' });
  });

  it('loses nearness with distance, and leaves out inactive users and non-engineers', () => {
    const farCai = { ...cai, siteIds: ['site-ber'] };
    const ranked = rankEngineers(world({ engineers: [ana, ben, farCai, retired, dispatcher] }));
    expect(ranked.map((entry) => entry.engineer.id)).toEqual(['user-ana', 'user-ben', 'user-cai']);
    const caiEntry = ranked[2];
    // ~925 km: 35 / (1 + 930/25) ≈ 0.9.
    expect(caiEntry?.distanceKm).toBeGreaterThan(900);
    expect(caiEntry?.reasons[1]?.points).toBeCloseTo(0.9, 1);
  });

  it('scores nearness 0 with no position, and falls back to the category name as the skill', () => {
    const nomad = buildUser({ id: 'user-nomad', fullName: 'Nomad', skills: ['general'], siteIds: [] });
    const [entry] = rankEngineers(world({ ticket: { category: 'General' }, engineers: [nomad], categories: [] }));
    expect(entry?.reasons).toEqual([
      { part: 'skills', points: 40, text: 'has general' },
      { part: 'nearness', points: 0, text: 'position unknown' },
      { part: 'availability', points: 25, text: 'no active work orders' },
    ]);
  });

  it('measures great-circle distances', () => {
    expect(distanceKm(london.location, berlin.location)).toBeCloseTo(925, -1);
    expect(distanceKm(london.location, london.location)).toBe(0);
  });
});
