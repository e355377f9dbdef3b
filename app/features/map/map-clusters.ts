import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import { SLA_RANK, worstOf, type SlaWorst } from './map-data';
import { slaViewAt } from '@shared/domain/sla/sla-state';

/**
 * One marker on the map: an open ticket at its site's location, or a site with no open ticket
 * (state `none`), so an idle site still shows and still clusters with its neighbours.
 */
export type MapPoint = {
  key: string;
  siteId: string;
  ticketId?: string;
  lat: number;
  lng: number;
  state: SlaWorst;
};

/** What a cluster needs to know of each marker in it. */
export type ClusterMember = Pick<MapPoint, 'siteId' | 'state'>;

export type ClusterSummary = {
  /** Open tickets in the cluster (idle sites count none): the number the cluster shows. */
  jobs: number;
  /** The sites it covers, sorted, so a test or a screen reader can tell which. */
  siteIds: string[];
  worst: SlaWorst;
  /** The cluster's accessible name and tooltip. */
  label: string;
};

export const SLA_WORDS: Record<SlaWorst, string> = { none: 'no open tickets', ok: 'on track', warning: 'at risk', breached: 'breached' };

/**
 * The map's markers: every open ticket at its site and every site without one, the worst first
 * (a stable order). Tickets of a site this device does not hold (not synced yet) have no
 * position and are left out.
 */
export function mapPoints(sites: readonly Site[], openBySite: ReadonlyMap<string, { open: readonly Ticket[] }>, now: Date): MapPoint[] {
  const points: MapPoint[] = [];
  for (const site of sites) {
    const open = openBySite.get(site.id)?.open ?? [];
    const at = { siteId: site.id, lat: site.location.lat, lng: site.location.lng };
    if (open.length === 0) points.push({ key: `site:${site.id}`, state: 'none', ...at });
    for (const ticket of open) points.push({ key: `ticket:${ticket.id}`, ticketId: ticket.id, state: jobStateAt(ticket, now), ...at });
  }
  return points.sort((a, b) => SLA_RANK[b.state] - SLA_RANK[a.state]);
}

/**
 * A ticket's state on the map as its badge beside the map shows it: a due time that passed is a
 * breach before the server's checker has run (or while the desk is offline).
 */
function jobStateAt(ticket: Ticket, now: Date): SlaWorst {
  const { state } = slaViewAt(ticket, now);
  return state === 'breached' || state === 'warning' ? state : 'ok';
}

const JOB_STATES_WORST_FIRST = (['breached', 'warning', 'ok'] as const satisfies readonly SlaWorst[]);

/**
 * A cluster's count, sites and worst SLA state: a breach inside a cluster colours the whole
 * cluster, so it is never hidden at a low zoom.
 */
export function summariseCluster(members: readonly ClusterMember[]): ClusterSummary {
  const jobs = members.filter((member) => member.state !== 'none');
  const siteIds = [...new Set(members.map((member) => member.siteId))].sort();
  const worst = worstOf(members.map((member) => member.state));
  return { jobs: jobs.length, siteIds, worst, label: clusterLabel(jobs.map((job) => job.state), siteIds.length) };
}

function clusterLabel(states: readonly SlaWorst[], siteCount: number): string {
  const where = `${siteCount} ${siteCount === 1 ? 'site' : 'sites'}`;
  if (states.length === 0) return `No open tickets at ${where}`;
  const parts = JOB_STATES_WORST_FIRST.map((state) => ({ state, count: states.filter((each) => each === state).length }))
    .filter(({ count }) => count > 0)
    .map(({ state, count }) => `${count} ${SLA_WORDS[state]}`);
  return `${states.length} open ${states.length === 1 ? 'ticket' : 'tickets'} at ${where}: ${parts.join(', ')}`;
}
