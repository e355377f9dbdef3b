import type { Asset } from '@shared/schemas/asset';
import type { Category, Comment, SlaPolicy } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import type { WorkOrder } from '@shared/schemas/work-order';
import { demoUserId } from './demo-accounts';
import { buildDemoAssets, workableAssets } from './demo-assets';
import {
  buildCategories, buildSites, buildSlaPolicies, buildUsers, categoryForSkill, ENGINEER_USERNAMES, siteId, slaPolicyId, toCategoryName,
} from './demo-reference';
import { Random } from './prng';
import { DAY_MS, HOUR_MS, type NumberFn, pad, type SeedContext, sequentialNumbers } from './seed-context';
import { buildComments, buildTicket, type TicketDraft } from './ticket-build';
import { draftStandaloneTickets, linkTicketToWorkOrder, STANDALONE_TICKETS } from './ticket-drafts';
import { buildWorkOrder, planExecution, type WorkOrderDraft } from './work-order-build';
import { planWorkOrders, WORK_ORDERS_PER_ENGINEER, type WorkOrderPlan } from './work-order-plans';

/**
 * The demo data set: a pure function of (seed, base date, numbering). The base date is "now" for
 * the data — today's jobs are scheduled on the base date in each site's time zone and nothing is
 * dated after it — so a fresh demo always looks current.
 */
export const DEMO_SEED = 20_250_601;
const LINKED_TICKETS = 45;
export const DEMO_TICKET_COUNT = LINKED_TICKETS + STANDALONE_TICKETS;
export const DEMO_WORK_ORDER_COUNT = ENGINEER_USERNAMES.length * WORK_ORDERS_PER_ENGINEER;

export type DemoData = {
  users: User[];
  sites: Site[];
  categories: Category[];
  slaPolicies: SlaPolicy[];
  assets: Asset[];
  tickets: Ticket[];
  workOrders: WorkOrder[];
  comments: Comment[];
};

export type DemoOptions = { base: Date; seed?: number; number?: NumberFn };

export function generateDemoData(options: DemoOptions): DemoData {
  const ctx: SeedContext = { rng: new Random(options.seed ?? DEMO_SEED), base: options.base, number: options.number ?? sequentialNumbers };
  const slaPolicies = buildSlaPolicies(ctx.base);
  const assets = buildDemoAssets(ctx);
  const drafts = planWorkOrders(ctx).map((plan) => draftWorkOrder(ctx, plan, assets));
  const linked = linkTickets(ctx, drafts, assets);
  const { tickets, ticketIdByDraft } = numberTickets(ctx, [...linked.tickets, ...draftStandaloneTickets(ctx, assets)], slaPolicies);
  const workOrders = numberWorkOrders(ctx, linked.workOrders, ticketIdByDraft, linked.ticketOf);
  const dispatchers = [demoUserId('dispatch1'), demoUserId('dispatch2')];
  const comments = tickets.flatMap((ticket) => buildComments(ctx.rng, ticket, ctx.base.getTime(), ctx.rng.pick(dispatchers)));
  return {
    users: buildUsers(ctx.base),
    sites: buildSites(ctx.base),
    categories: buildCategories(ctx.base),
    slaPolicies,
    assets,
    tickets,
    workOrders,
    comments,
  };
}

/** Asset, kind and execution times for a planned job; the kind becomes corrective if a ticket is linked. */
function draftWorkOrder(ctx: SeedContext, plan: WorkOrderPlan, assets: readonly Asset[]): WorkOrderDraft {
  const { rng } = ctx;
  const baseMs = ctx.base.getTime();
  const kind = rng.weighted([['preventive', 4], ['inspection', 2], ['installation', 1]] as const);
  const candidates = workableAssets(assets, siteId(plan.siteKey), plan.skills);
  const withoutAsset = candidates.length === 0 || (kind === 'installation' && rng.chance(0.5));
  const asset = withoutAsset ? undefined : rng.pick(candidates);
  const category = asset ? toCategoryName(asset.category) : categoryForSkill(rng.pick(plan.skills));
  // Planned work is booked days ahead, never after the base date.
  const createdMs = Math.min(plan.startMs - rng.int(1, 14) * DAY_MS, baseMs - rng.int(1, 48) * HOUR_MS);
  return { ...plan, kind, category, ...(asset ? { assetId: asset.id } : {}), createdMs, exec: planExecution(rng, plan, baseMs) };
}

const UNDER_WAY: readonly WorkOrderDraft['status'][] = ['en_route', 'on_site', 'in_progress', 'on_hold'];

/**
 * Raise a ticket for LINKED_TICKETS jobs that have an asset: every job under way right now (so the
 * engineer's current job has a story) plus a random choice of the rest.
 */
function linkTickets(ctx: SeedContext, drafts: readonly WorkOrderDraft[], assets: readonly Asset[]) {
  const assetById = new Map(assets.map((asset) => [asset.id, asset]));
  const eligible = drafts.filter((draft) => draft.assetId !== undefined);
  const underWay = eligible.filter((draft) => UNDER_WAY.includes(draft.status));
  const others = ctx.rng.sample(eligible.filter((draft) => !UNDER_WAY.includes(draft.status)), LINKED_TICKETS - underWay.length);
  const chosen = new Set([...underWay, ...others]);
  const tickets: TicketDraft[] = [];
  const ticketOf = new Map<WorkOrderDraft, TicketDraft>();
  const workOrders = drafts.map((draft) => {
    if (!chosen.has(draft)) return draft;
    const link = linkTicketToWorkOrder(ctx, draft, draft.assetId ? assetById.get(draft.assetId) : undefined);
    tickets.push(link.ticket);
    ticketOf.set(link.workOrder, link.ticket);
    return link.workOrder;
  });
  return { tickets, workOrders, ticketOf };
}

/** Ids and numbers in order of creation, as the server would have handed them out. */
function numberTickets(ctx: SeedContext, drafts: readonly TicketDraft[], policies: readonly SlaPolicy[]) {
  const sorted = [...drafts].sort((a, b) => (a.events[0]?.atMs ?? 0) - (b.events[0]?.atMs ?? 0));
  const ticketIdByDraft = new Map<TicketDraft, string>();
  const tickets = sorted.map((draft, index) => {
    const policy = policies.find((candidate) => candidate.id === slaPolicyId(draft.priority));
    if (!policy) throw new Error(`no SLA policy for ${draft.priority}`);
    const id = `ticket-${pad(index + 1, 4)}`;
    ticketIdByDraft.set(draft, id);
    return buildTicket(draft, policy, id, ctx.number('TCK', index), ctx.base.getTime(), 'all-but-latest');
  });
  return { tickets, ticketIdByDraft };
}

function numberWorkOrders(
  ctx: SeedContext,
  drafts: readonly WorkOrderDraft[],
  ticketIdByDraft: ReadonlyMap<TicketDraft, string>,
  ticketOf: ReadonlyMap<WorkOrderDraft, TicketDraft>,
): WorkOrder[] {
  const sorted = [...drafts].sort((a, b) => a.createdMs - b.createdMs || a.startMs - b.startMs);
  return sorted.map((draft, index) => {
    const ticket = ticketOf.get(draft);
    const ticketId = ticket ? ticketIdByDraft.get(ticket) : undefined;
    const withTicket = ticketId ? { ...draft, ticketId } : draft;
    return buildWorkOrder(ctx.rng, withTicket, `wo-${pad(index + 1, 4)}`, ctx.number('WO', index));
  });
}
