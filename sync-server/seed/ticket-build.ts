import { calendarOf } from '@shared/domain/sla/calendar';
import { computeTicketSla } from '@shared/domain/sla/ticket-sla';
import { allThresholds, type Threshold } from '@shared/domain/sla/thresholds';
import type { Priority } from '@shared/schemas/common';
import type { Comment, SlaPolicy } from '@shared/schemas/misc';
import type { Ticket, TicketSla, TicketStatus } from '@shared/schemas/ticket';
import type { WorkOrderStatus } from '@shared/schemas/work-order';
import { type CategoryName, type SiteKey, siteId, siteInfo, slaPolicyId } from './demo-reference';
import type { Random } from './prng';
import { iso, stamps } from './seed-context';
import type { Fault } from './fault-catalog';
import { COMMENTS, TICKET_TAGS } from './work-templates';

/** A status the ticket entered and when. The first event is its creation (always `new`). */
export type TicketEvent = { status: TicketStatus; atMs: number };

/** Everything about a ticket except its id and number, which are given in creation order. */
export type TicketDraft = {
  siteKey: SiteKey;
  assetId?: string;
  assetLabel?: string;
  category: CategoryName;
  priority: Priority;
  reportedBy: string;
  assigneeId?: string;
  events: TicketEvent[];
  fault: Fault;
  tags: string[];
};

/** The ticket status that matches where its work order has got to. */
export function ticketStatusForWorkOrder(status: WorkOrderStatus, completedMs: number, baseMs: number): TicketStatus {
  const map: Record<WorkOrderStatus, TicketStatus> = {
    scheduled: 'assigned',
    en_route: 'assigned',
    on_site: 'in_progress',
    in_progress: 'in_progress',
    on_hold: 'on_hold',
    // The desk closes resolved tickets after a day or so of no complaints.
    completed: baseMs - completedMs > 36 * 3_600_000 ? 'closed' : 'resolved',
    cancelled: 'cancelled',
  };
  return map[status];
}

/** The path a ticket takes to reach `status` (the state machine's usual route). */
export function statusPath(status: TicketStatus, assigned: boolean): TicketStatus[] {
  const paths: Record<TicketStatus, TicketStatus[]> = {
    new: ['new'],
    assigned: ['new', 'assigned'],
    in_progress: ['new', 'assigned', 'in_progress'],
    on_hold: ['new', 'assigned', 'in_progress', 'on_hold'],
    resolved: ['new', 'assigned', 'in_progress', 'resolved'],
    closed: ['new', 'assigned', 'in_progress', 'resolved', 'closed'],
    cancelled: assigned ? ['new', 'assigned', 'cancelled'] : ['new', 'cancelled'],
  };
  return paths[status];
}

/**
 * How much of a ticket's past the seed counts as already acted on by the SLA checker:
 * - `all`: every threshold before the base time (the large data set, whose SLA bench counts on
 *   exactly its planned crossings);
 * - `all-but-latest`: on an open ticket, its latest breach and what followed it (or, with no
 *   breach, its latest warning) are left to the checker, whose first run then notifies as it would
 *   have: a dispatcher who signs in to the demo finds every open breach in Alerts, an engineer their
 *   latest warnings (the demo data set).
 */
export type SeedSlaHistory = 'all' | 'all-but-latest';


const CLOSED: readonly TicketStatus[] = ['resolved', 'closed', 'cancelled'];

/**
 * The SLA as the server would have stored it after the last change: computeTicketSla is replayed
 * over every status change, so pauses, response and resolution times are what really happened.
 * Thresholds before the base time count as already acted on (the demo's history, see
 * SeedSlaHistory); later ones are left to the SLA checker, as for any live ticket.
 */
export function replaySla(policy: SlaPolicy, timeZone: string, events: readonly TicketEvent[], baseMs: number, history: SeedSlaHistory = 'all'): { sla: TicketSla; statusChangedAt: string } {
  const createdAt = iso(events[0]?.atMs ?? 0);
  const calendar = calendarOf(policy, timeZone);
  const targets = { responseMinutes: policy.responseMinutes, resolutionMinutes: policy.resolutionMinutes };
  let previous: { status: TicketStatus; sla: TicketSla; updatedAt: string; statusChangedAt: string } | undefined;
  for (const event of events) {
    const at = new Date(event.atMs);
    const { sla, statusChangedAt } = computeTicketSla({ calendar, targets, ticket: { createdAt, status: event.status }, previous, actionAt: at, now: at });
    previous = { status: event.status, sla, updatedAt: iso(event.atMs), statusChangedAt };
  }
  if (!previous) throw new Error('a ticket needs at least its creation event');
  const base = new Date(baseMs);
  const last = { createdAt, status: previous.status };
  const settled = computeTicketSla({ calendar, targets, ticket: last, previous, actionAt: base, now: base, crossedUntil: base });
  if (history === 'all' || CLOSED.includes(last.status)) return settled;
  const crossed = new Set(settled.sla.crossed);
  const passed = allThresholds(calendar, targets, createdAt, settled.sla).filter((threshold) => crossed.has(threshold.key));
  const from = latestOf(passed.filter((threshold) => threshold.kind === 'breach')) ?? latestOf(passed);
  if (from === undefined) return settled;
  return computeTicketSla({ calendar, targets, ticket: last, previous, actionAt: base, now: base, crossedUntil: new Date(from - 1) });
}

function latestOf(thresholds: readonly Threshold[]): number | undefined {
  return thresholds.length > 0 ? Math.max(...thresholds.map((threshold) => threshold.atMs)) : undefined;
}

export function buildTicket(draft: TicketDraft, policy: SlaPolicy, id: string, number: string, baseMs: number, history: SeedSlaHistory = 'all'): Ticket {
  const first = draft.events[0];
  const last = draft.events.at(-1);
  if (!first || !last) throw new Error('a ticket needs at least its creation event');
  const assetNote = draft.assetLabel ? `\n\nAsset: ${draft.assetLabel}.` : '';
  return {
    id,
    type: 'ticket',
    number,
    title: draft.fault.title,
    description: `${draft.fault.description}${assetNote}`,
    category: draft.category,
    priority: draft.priority,
    status: last.status,
    siteId: siteId(draft.siteKey),
    ...(draft.assetId ? { assetId: draft.assetId } : {}),
    reportedBy: draft.reportedBy,
    ...(draft.assigneeId ? { assigneeId: draft.assigneeId } : {}),
    slaPolicyId: slaPolicyId(draft.priority),
    ...replaySla(policy, siteInfo(draft.siteKey).timezone, draft.events, Math.max(baseMs, last.atMs), history),
    tags: draft.tags,
    ...stamps(first.atMs, last.atMs),
  };
}

export function pickTags(rng: Random, category: CategoryName): string[] {
  const tags = new Set(rng.sample(TICKET_TAGS, rng.int(0, 2)));
  if (category === 'Fire safety') tags.add('safety');
  return [...tags].sort();
}

/**
 * A short conversation: the reporter chases, the desk and the engineer answer. Comments fall
 * between the ticket's creation and its last change (or the base time while it is still open).
 */
export function buildComments(rng: Random, ticket: Ticket, baseMs: number, dispatcherId: string): Comment[] {
  const openStatuses: TicketStatus[] = ['new', 'assigned', 'in_progress', 'on_hold'];
  const createdMs = Date.parse(ticket.createdAt);
  const untilMs = openStatuses.includes(ticket.status) ? baseMs : Date.parse(ticket.updatedAt);
  const count = ticket.status === 'new' ? rng.int(0, 1) : rng.int(1, 4);
  const authors = [ticket.reportedBy, dispatcherId, ticket.assigneeId ?? dispatcherId];
  const comments: Comment[] = [];
  for (let n = 0; n < count; n++) {
    const authorId = authors[n % authors.length] ?? dispatcherId;
    const pool = authorId === ticket.reportedBy ? COMMENTS.report : authorId === dispatcherId ? COMMENTS.desk : COMMENTS.engineer;
    const atMs = createdMs + Math.floor(((untilMs - createdMs) * (n + 1)) / (count + 1));
    comments.push({
      id: `${ticket.id}-m${n + 1}`,
      type: 'comment',
      ticketId: ticket.id,
      authorId,
      body: rng.pick(pool),
      ...stamps(atMs),
    });
  }
  return comments;
}
