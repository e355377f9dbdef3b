import type { Asset } from '@shared/schemas/asset';
import type { Priority } from '@shared/schemas/common';
import type { SlaPolicy } from '@shared/schemas/misc';
import type { Ticket, TicketStatus } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import type { WorkOrder, WorkOrderStatus } from '@shared/schemas/work-order';
import { demoUserId } from './demo-accounts';
import { buildAsset, unitCounter } from './demo-assets';
import {
  buildSlaPolicies, CATEGORIES, ENGINEER_USERNAMES, engineerSites, engineerSkills, SITE_KEYS, type SiteKey, siteId, siteInfo, slaPolicyId, toCategoryName,
} from './demo-reference';
import { Random } from './prng';
import { DAY_MS, floorToQuarter, HOUR_MS, MINUTE_MS, type NumberFn, pad, type SeedContext, sequentialNumbers, stamps } from './seed-context';
import { buildTicket, type TicketDraft } from './ticket-build';
import { draftUnlinkedTicket, linkTicketToWorkOrder } from './ticket-drafts';
import { buildWorkOrder, planExecution, type WorkOrderDraft } from './work-order-build';
import { type LocalDay, localDayOf, zonedTime } from './zoned-time';

/**
 * A large, realistic data set for benchmarks, over the five demo sites. It adds 44 engineers to the
 * six demo ones, so eng1 holds about 2% of the work orders — what one engineer in a 50-strong team
 * would carry — and a benchmark of eng1's sync measures a realistic scope inside a big store.
 */
export type LargeCounts = { assets: number; workOrders: number; tickets: number };
export const LARGE_COUNTS: LargeCounts = { assets: 20_000, workOrders: 10_000, tickets: 10_000 };
const EXTRA_ENGINEERS = 44;
/** Share of tickets raised for a work order; the rest are triage, quick fixes and cancellations. */
const LINKED_SHARE = 0.6;

export type LargeData = { users: User[]; assets: Asset[]; tickets: Ticket[]; workOrders: WorkOrder[] };
export type LargeOptions = { seed: number; base: Date; counts?: LargeCounts; number?: NumberFn };

type Engineer = { assigneeId: string; sites: readonly SiteKey[]; skills: readonly string[] };

/** Ids carry the seed, so sets made with different seeds can live side by side in one store. */
export const largeIdPrefix = (seed: number) => `lg${seed}`;
export const largeWorkOrderId = (seed: number, index: number) => `${largeIdPrefix(seed)}-wo-${pad(index + 1, 6)}`;

export function generateLargeData(options: LargeOptions): LargeData {
  const counts = options.counts ?? LARGE_COUNTS;
  const ctx: SeedContext = { rng: new Random(options.seed), base: options.base, number: options.number ?? sequentialNumbers };
  const users = buildLargeEngineers(options.seed, options.base);
  const engineers = [...demoEngineers(), ...users.map((user) => ({ assigneeId: user.id, sites: user.siteIds.map(toSiteKey), skills: user.skills }))];
  const assets = buildLargeAssets(ctx, options.seed, counts.assets);
  const assetsBySite = groupBySite(assets.filter((asset) => asset.status !== 'retired'));
  const assetById = new Map(assets.map((asset) => [asset.id, asset]));
  const drafts = Array.from({ length: counts.workOrders }, () => draftLargeWorkOrder(ctx, ctx.rng.pick(engineers), assetsBySite));
  const linkedCount = Math.min(drafts.length, Math.round(counts.tickets * LINKED_SHARE));
  const ticketDrafts: TicketDraft[] = [];
  const ticketIndexOf = new Map<WorkOrderDraft, number>();
  const workOrderDrafts = drafts.map((draft, index) => {
    if (index >= linkedCount) return draft;
    const link = linkTicketToWorkOrder(ctx, draft, draft.assetId ? assetById.get(draft.assetId) : undefined);
    ticketIndexOf.set(link.workOrder, ticketDrafts.push(link.ticket) - 1);
    return link.workOrder;
  });
  for (let n = linkedCount; n < counts.tickets; n++) ticketDrafts.push(draftLargeUnlinkedTicket(ctx, assetsBySite, engineers));
  const { tickets, ticketIds } = numberLargeTickets(ctx, options.seed, ticketDrafts, buildSlaPolicies(options.base));
  const workOrders = numberLargeWorkOrders(ctx, options.seed, workOrderDrafts, (draft) => {
    const index = ticketIndexOf.get(draft);
    return index === undefined ? undefined : ticketIds[index];
  });
  return { users, assets, tickets, workOrders };
}

/** The extra engineers: directory entries only (no credentials), eight or nine per site. */
export function buildLargeEngineers(seed: number, base: Date): User[] {
  const allSkills = [...new Set(CATEGORIES.map((category) => category.skill))];
  return Array.from({ length: EXTRA_ENGINEERS }, (_, index) => {
    const username = `lg${seed}-eng${pad(index + 1, 2)}`;
    return {
      id: `user-${username}`,
      type: 'user',
      username,
      fullName: `Bench Engineer ${pad(index + 1, 2)}`,
      email: `${username}@fieldservice.example`,
      role: 'engineer',
      siteIds: [siteId(SITE_KEYS[index % SITE_KEYS.length] ?? 'lon')],
      skills: allSkills,
      active: true,
      ...stamps(base.getTime() - 400 * DAY_MS),
    };
  });
}

export function buildLargeAssets(ctx: SeedContext, seed: number, count: number): Asset[] {
  const counters = new Map(SITE_KEYS.map((key) => [key, unitCounter()]));
  const baseMs = ctx.base.getTime();
  return Array.from({ length: count }, (_, index) => {
    const siteKey = SITE_KEYS[index % SITE_KEYS.length] ?? 'lon';
    const number = pad(index + 1, 6);
    return buildAsset(ctx.rng, {
      id: `${largeIdPrefix(seed)}-asset-${number}`,
      tag: `LG${seed}-${siteInfo(siteKey).code.slice(0, 3)}-${number}`,
      siteKey,
      createdMs: baseMs - ctx.rng.int(30, 2000) * DAY_MS,
      nowMs: baseMs,
      nextUnit: counters.get(siteKey) ?? unitCounter(),
    });
  });
}

const WORK_ORDER_STATUS_WEIGHTS: readonly (readonly [WorkOrderStatus, number])[] = [
  ['completed', 60], ['scheduled', 20], ['cancelled', 6], ['on_hold', 6], ['in_progress', 3], ['on_site', 2], ['en_route', 3],
];

/** A job somewhere in the last six months or the next month, at a time of day local to its site. */
function draftLargeWorkOrder(ctx: SeedContext, engineer: Engineer, assetsBySite: ReadonlyMap<SiteKey, Asset[]>): WorkOrderDraft {
  const { rng } = ctx;
  const baseMs = ctx.base.getTime();
  const status = rng.weighted(WORK_ORDER_STATUS_WEIGHTS);
  const siteKey = rng.pick(engineer.sites);
  const startMs = largeStartMs(rng, status, siteKey, ctx.base);
  const endMs = startMs + rng.pick([60, 90, 120, 180, 240]) * MINUTE_MS;
  const asset = rng.pick(assetsBySite.get(siteKey) ?? []);
  const plan = { assigneeId: engineer.assigneeId, skills: engineer.skills, siteKey, status, startMs, endMs };
  return {
    ...plan,
    kind: rng.weighted([['preventive', 4], ['inspection', 2], ['installation', 1]] as const),
    category: toCategoryName(asset.category),
    assetId: asset.id,
    createdMs: Math.min(startMs - rng.int(1, 14) * DAY_MS, baseMs - rng.int(1, 48) * HOUR_MS),
    exec: planExecution(rng, plan, baseMs),
  };
}

const localDays = new Map<string, LocalDay>();

function largeStartMs(rng: Random, status: WorkOrderStatus, siteKey: SiteKey, base: Date): number {
  const baseMs = base.getTime();
  if (status === 'en_route') return floorToQuarter(baseMs + rng.int(20, 90) * MINUTE_MS);
  if (status === 'on_site' || status === 'in_progress') return floorToQuarter(baseMs - rng.int(20, 180) * MINUTE_MS);
  const zone = siteInfo(siteKey).timezone;
  const key = `${zone}@${baseMs}`;
  const today = localDays.get(key) ?? localDayOf(zone, base);
  localDays.set(key, today);
  const dayOffset = status === 'scheduled' ? rng.int(1, 30) : status === 'on_hold' ? -rng.int(1, 10) : -rng.int(1, 180);
  return zonedTime(zone, today, dayOffset, rng.int(8, 16), rng.pick([0, 30])).getTime();
}

const UNLINKED_STATUS_WEIGHTS: readonly (readonly [TicketStatus, number])[] = [
  ['new', 12], ['assigned', 8], ['in_progress', 4], ['on_hold', 4], ['resolved', 8], ['closed', 50], ['cancelled', 14],
];
const PRIORITY_WEIGHTS: readonly (readonly [Priority, number])[] = [['critical', 1], ['high', 3], ['medium', 5], ['low', 3]];

function draftLargeUnlinkedTicket(ctx: SeedContext, assetsBySite: ReadonlyMap<SiteKey, Asset[]>, engineers: readonly Engineer[]): TicketDraft {
  const status = ctx.rng.weighted(UNLINKED_STATUS_WEIGHTS);
  const siteKey = ctx.rng.pick(SITE_KEYS);
  // Finished tickets spread over the last six months; open ones are recent, as in a live queue.
  const finished = status === 'closed' || status === 'cancelled';
  const spec = { status, siteKey, priority: ctx.rng.weighted(PRIORITY_WEIGHTS), ...(finished ? { maxIdleMinutes: 180 * 24 * 60 } : {}) };
  const draft = draftUnlinkedTicket(ctx, assetsBySite.get(siteKey) ?? [], spec);
  if (!draft.assigneeId) return draft;
  // Spread the work over the whole team at the site, not only the six demo engineers.
  const local = engineers.filter((engineer) => engineer.sites.includes(siteKey));
  return { ...draft, assigneeId: ctx.rng.pick(local.length > 0 ? local : engineers).assigneeId };
}

function numberLargeTickets(ctx: SeedContext, seed: number, drafts: readonly TicketDraft[], policies: readonly SlaPolicy[]) {
  const order = drafts.map((_, index) => index).sort((a, b) => (drafts[a]?.events[0]?.atMs ?? 0) - (drafts[b]?.events[0]?.atMs ?? 0));
  const ticketIds: string[] = [];
  const tickets = order.map((draftIndex, position) => {
    const draft = drafts[draftIndex];
    const policy = policies.find((candidate) => candidate.id === slaPolicyId(draft?.priority ?? 'medium'));
    if (!draft || !policy) throw new Error(`ticket draft ${draftIndex} has no SLA policy`);
    const id = `${largeIdPrefix(seed)}-ticket-${pad(position + 1, 6)}`;
    ticketIds[draftIndex] = id;
    return buildTicket(draft, policy, id, ctx.number('TCK', position), ctx.base.getTime());
  });
  return { tickets, ticketIds };
}

function numberLargeWorkOrders(
  ctx: SeedContext,
  seed: number,
  drafts: readonly WorkOrderDraft[],
  ticketIdOf: (draft: WorkOrderDraft) => string | undefined,
): WorkOrder[] {
  const sorted = [...drafts].sort((a, b) => a.createdMs - b.createdMs || a.startMs - b.startMs);
  return sorted.map((draft, index) => {
    const ticketId = ticketIdOf(draft);
    return buildWorkOrder(ctx.rng, ticketId ? { ...draft, ticketId } : draft, largeWorkOrderId(seed, index), ctx.number('WO', index));
  });
}

function demoEngineers(): Engineer[] {
  return ENGINEER_USERNAMES.map((username) => ({ assigneeId: demoUserId(username), sites: engineerSites(username), skills: engineerSkills(username) }));
}

function groupBySite(assets: readonly Asset[]): Map<SiteKey, Asset[]> {
  const bySite = new Map<SiteKey, Asset[]>(SITE_KEYS.map((key) => [key, []]));
  for (const asset of assets) bySite.get(toSiteKey(asset.siteId))?.push(asset);
  return bySite;
}

function toSiteKey(id: string): SiteKey {
  return SITE_KEYS.find((key) => siteId(key) === id) ?? 'lon';
}
