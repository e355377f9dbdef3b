import type { Asset } from '@shared/schemas/asset';
import { PRIORITIES, type Priority } from '@shared/schemas/common';
import type { TicketStatus } from '@shared/schemas/ticket';
import { demoUserId } from './demo-accounts';
import { skillForCategory } from './demo-assets';
import {
  CATEGORIES, type CategoryName, ENGINEER_USERNAMES, engineerSites, engineerSkills, managerOf, POLICY_TARGETS, SITE_KEYS, type SiteKey, siteId, toCategoryName,
} from './demo-reference';
import { faultsFor } from './fault-catalog';
import type { Random } from './prng';
import { HOUR_MS, MINUTE_MS, type SeedContext } from './seed-context';
import { pickTags, statusPath, type TicketDraft, type TicketEvent, ticketStatusForWorkOrder } from './ticket-build';
import type { WorkOrderDraft } from './work-order-build';

/** How long before the visit a fault of each priority is typically reported, in minutes. */
const REPORT_LEAD_MINUTES: Record<Priority, readonly [number, number]> = {
  critical: [30, 90],
  high: [60, 240],
  medium: [120, 1080],
  low: [480, 3600],
};

const PRIORITY_WEIGHTS: readonly (readonly [Priority, number])[] = [['critical', 1], ['high', 3], ['medium', 5], ['low', 3]];

/** A linked ticket is reported 40 minutes before the base time at the latest, so it was assigned by then. */
const LATEST_REPORT_MINUTES = 40;

/**
 * Whether the desk would have booked a visit this long after the report for a fault of this
 * priority. Critical and high faults (24×7 policies) get an engineer within their resolution
 * target, as a dispatcher would send one; medium and low ones wait for a free slot.
 */
function fitsBooking(priority: Priority, waitMs: number): boolean {
  const target = POLICY_TARGETS[priority];
  return target.businessHoursOnly || waitMs <= target.resolution * MINUTE_MS;
}

/** Tickets with no work order yet (or handled without one), one per status at least. */
const STANDALONE_STATUSES: readonly TicketStatus[] = [
  'new', 'new', 'new', 'new', 'new', 'new', 'new', 'assigned', 'assigned', 'in_progress', 'on_hold', 'resolved', 'closed', 'cancelled', 'cancelled',
];
export const STANDALONE_TICKETS = STANDALONE_STATUSES.length;

/** Minutes between consecutive statuses when nothing else fixes the timing. */
const STEP_MINUTES: Record<TicketStatus, readonly [number, number]> = {
  new: [0, 0],
  assigned: [5, 60],
  in_progress: [30, 240],
  on_hold: [30, 120],
  resolved: [60, 480],
  closed: [1440, 2880],
  cancelled: [10, 120],
};

export function reporterFor(rng: Random, siteKey: SiteKey): string {
  return rng.weighted([[managerOf(siteKey), 8], [demoUserId('dispatch1'), 1], [demoUserId('dispatch2'), 1]] as const);
}

/**
 * The ticket a corrective work order was raised for, and the work order made corrective and dated
 * at the ticket's assignment, so the two read as one story.
 */
export function linkTicketToWorkOrder(
  ctx: SeedContext,
  workOrder: WorkOrderDraft,
  asset: Asset | undefined,
): { ticket: TicketDraft; workOrder: WorkOrderDraft } {
  const { rng } = ctx;
  const baseMs = ctx.base.getTime();
  const latestReportMs = baseMs - LATEST_REPORT_MINUTES * MINUTE_MS;
  // The visit is booked already: a priority whose faults the desk would have attended sooner is ruled out.
  const priority = rng.weighted(PRIORITY_WEIGHTS.filter(([candidate]) => fitsBooking(candidate, workOrder.startMs - latestReportMs)));
  const [minLead, maxLead] = REPORT_LEAD_MINUTES[priority];
  // One in five waited far longer than usual for a visit: those are the SLA breaches on the board.
  const lateFactor = rng.chance(0.2) ? 4 : 1;
  const createdMs = Math.min(workOrder.startMs - rng.int(minLead, maxLead) * lateFactor * MINUTE_MS, latestReportMs);
  const assignedMs = createdMs + rng.int(5, 30) * MINUTE_MS;
  const status = ticketStatusForWorkOrder(workOrder.status, workOrder.exec.endMs, baseMs);
  const cancelMs = Math.min(baseMs, Math.max(assignedMs + 10 * MINUTE_MS, workOrder.exec.cancelMs));
  const timeOf: Record<TicketStatus, number> = {
    new: createdMs,
    assigned: assignedMs,
    in_progress: workOrder.exec.arriveMs,
    on_hold: workOrder.exec.holdMs,
    resolved: workOrder.exec.endMs,
    closed: Math.min(baseMs, workOrder.exec.endMs + rng.int(24, 36) * HOUR_MS),
    cancelled: cancelMs,
  };
  const fault = rng.pick(faultsFor(workOrder.category, asset));
  const ticket: TicketDraft = {
    siteKey: workOrder.siteKey,
    ...(asset ? { assetId: asset.id, assetLabel: `${asset.tag} (${asset.name})` } : {}),
    category: workOrder.category,
    priority,
    reportedBy: reporterFor(rng, workOrder.siteKey),
    assigneeId: workOrder.assigneeId,
    events: monotonic(statusPath(status, true).map((step) => ({ status: step, atMs: timeOf[step] }))),
    fault,
    tags: pickTags(rng, workOrder.category),
  };
  const exec = { ...workOrder.exec, cancelMs };
  return { ticket, workOrder: { ...workOrder, kind: 'corrective', createdMs: assignedMs, resolution: fault.resolution, exec } };
}

/** Tickets without a work order: fresh reports waiting for triage, quick fixes, cancellations. */
export function draftStandaloneTickets(ctx: SeedContext, assets: readonly Asset[]): TicketDraft[] {
  return STANDALONE_STATUSES.map((status, index) => {
    const siteKey = SITE_KEYS[index % SITE_KEYS.length] ?? 'lon';
    const priority = PRIORITIES[index % PRIORITIES.length] ?? 'medium';
    return draftUnlinkedTicket(ctx, assets, { status, siteKey, priority });
  });
}

/**
 * How long a new ticket may have waited for triage: the desk picks up a critical or high fault
 * within the hour or so, so those in the queue are fresh; the rest may wait up to two days.
 */
const UNTRIAGED_MINUTES: Record<Priority, number> = { critical: 45, high: 120, medium: 2880, low: 2880 };

/** `maxIdleMinutes`: how long ago the last change may be (default: recent, as in a live queue). */
export type UnlinkedTicketSpec = { status: TicketStatus; siteKey: SiteKey; priority: Priority; maxIdleMinutes?: number };

/** A ticket with no work order; `assets` may be all assets or, faster, just the site's. */
export function draftUnlinkedTicket(ctx: SeedContext, assets: readonly Asset[], spec: UnlinkedTicketSpec): TicketDraft {
  const { rng } = ctx;
  const candidates = assets.filter((asset) => asset.siteId === siteId(spec.siteKey) && asset.status !== 'retired');
  const asset = rng.chance(0.7) && candidates.length > 0 ? rng.pick(candidates) : undefined;
  const category = asset ? toCategoryName(asset.category) : rng.pick(CATEGORIES).name;
  const needsAssignee = !['new', 'cancelled'].includes(spec.status);
  const path = statusPath(spec.status, needsAssignee);
  const events = timeline(ctx, path, spec.maxIdleMinutes ?? (spec.status === 'new' ? UNTRIAGED_MINUTES[spec.priority] : 600));
  return {
    siteKey: spec.siteKey,
    ...(asset ? { assetId: asset.id, assetLabel: `${asset.tag} (${asset.name})` } : {}),
    category,
    priority: spec.priority,
    reportedBy: reporterFor(rng, spec.siteKey),
    ...(needsAssignee ? { assigneeId: engineerFor(rng, spec.siteKey, category) } : {}),
    events,
    fault: rng.pick(faultsFor(category, asset)),
    tags: pickTags(rng, category),
  };
}

/** Status changes spaced realistically, ending between a few minutes and `maxIdleMinutes` ago. */
function timeline(ctx: SeedContext, path: readonly TicketStatus[], maxIdleMinutes: number): TicketEvent[] {
  const gaps = path.map((status) => ctx.rng.int(...STEP_MINUTES[status]) * MINUTE_MS);
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  let atMs = ctx.base.getTime() - total - ctx.rng.int(10, maxIdleMinutes) * MINUTE_MS;
  return path.map((status, index) => {
    atMs += gaps[index] ?? 0;
    return { status, atMs };
  });
}

/** Someone who covers the site and has the trade, else anyone covering the site. */
function engineerFor(rng: Random, siteKey: SiteKey, category: CategoryName): string {
  const local = ENGINEER_USERNAMES.filter((username) => engineerSites(username).includes(siteKey));
  const skilled = local.filter((username) => engineerSkills(username).includes(skillForCategory(category)));
  const pool = skilled.length > 0 ? skilled : local.length > 0 ? local : ENGINEER_USERNAMES;
  return demoUserId(rng.pick(pool));
}

/** Each status change at least a minute after the previous one, whatever the inputs suggested. */
function monotonic(events: TicketEvent[]): TicketEvent[] {
  let previous = Number.NEGATIVE_INFINITY;
  return events.map((event) => {
    const atMs = Math.max(event.atMs, previous + MINUTE_MS);
    previous = atMs;
    return { ...event, atMs };
  });
}
