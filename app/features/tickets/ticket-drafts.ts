import { ulid } from 'ulid';
import { buildDefaultChecklist } from '@shared/domain/checklist';
import { estimateNewTicketSla } from '@shared/domain/sla/sla-state';
import { OPEN_TICKET_STATUSES } from '@shared/domain/ticket-queue';
import type { Priority, Role } from '@shared/schemas/common';
import type { SlaPolicy } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { ChecklistItem, WorkOrder } from '@shared/schemas/work-order';
import type { FieldProblem } from '../../components/field-problems';
import { checkedSchedule, InputError, inputErrorOf } from '../work-orders/work-order-actions';

/**
 * New tickets and work orders built on the device (pure; the caller saves them). Numbers are
 * provisional until the server assigns the real one; the SLA shown meanwhile is the device's
 * estimate from the policy (the server recomputes it on sync).
 */
export type TicketInput = {
  title: string;
  description: string;
  category: string;
  priority: Priority;
  siteId: string;
  assetId?: string;
  tags: string;
};

/** A site manager of exactly one site (of those on the device) reports at that site: it is chosen for them. */
export function preselectedSiteId(role: Role, sites: readonly Pick<Site, 'id'>[]): string {
  return role === 'site_manager' && sites.length === 1 ? (sites[0]?.id ?? '') : '';
}

export function buildNewTicket(input: TicketInput, reporterId: string, policies: readonly SlaPolicy[], now: Date, id: string = ulid()): Ticket {
  const title = input.title.trim();
  const policy = policies.find((candidate) => candidate.priority === input.priority);
  const problems: FieldProblem[] = [];
  if (!title) problems.push({ field: 'title', message: 'Give the ticket a title.' });
  if (!input.siteId) problems.push({ field: 'siteId', message: 'Choose the site.' });
  if (!input.category) problems.push({ field: 'category', message: 'Choose a category.' });
  if (!policy) problems.push({ field: 'priority', message: `No SLA policy for ${input.priority} priority is on this device yet; sync first.` });
  if (!policy || problems.length > 0) throw inputErrorOf(problems);
  const stamp = now.toISOString();
  const tags = [...new Set(input.tags.split(',').map((tag) => tag.trim()).filter(Boolean))];
  return {
    id,
    type: 'ticket',
    number: `TCK-P-${id.toUpperCase()}`,
    title,
    description: input.description.trim(),
    category: input.category,
    priority: input.priority,
    status: 'new',
    siteId: input.siteId,
    ...(input.assetId ? { assetId: input.assetId } : {}),
    reportedBy: reporterId,
    slaPolicyId: policy.id,
    sla: estimateNewTicketSla(policy, now),
    tags,
    createdAt: stamp,
    updatedAt: stamp,
    _deleted: false,
  };
}

export type WorkOrderInput = {
  assigneeId: string;
  kind: WorkOrder['kind'];
  scheduledStart: string;
  scheduledEnd: string;
  /** The steps as the desk left them; absent: the kind's default (shared/domain/checklist.ts). */
  checklist?: readonly ChecklistItem[];
};

/** A work order for the ticket's site and asset, assigned and scheduled, with its checklist. */
export function buildWorkOrderFromTicket(ticket: Ticket, input: WorkOrderInput, now: Date, id: string = ulid()): WorkOrder {
  if (!input.assigneeId) throw new InputError('Pick an engineer from the suggestions.', 'assigneeId');
  const schedule = checkedSchedule(input);
  const stamp = now.toISOString();
  return {
    id,
    type: 'workOrder',
    number: `WO-P-${id.toUpperCase()}`,
    ticketId: ticket.id,
    siteId: ticket.siteId,
    ...(ticket.assetId ? { assetId: ticket.assetId } : {}),
    ...schedule,
    kind: input.kind,
    status: 'scheduled',
    checklist: input.checklist ? input.checklist.map((item) => ({ ...item })) : buildDefaultChecklist(input.kind, [], ulid),
    parts: [],
    timeLogs: [],
    notes: [],
    photos: [],
    createdAt: stamp,
    updatedAt: stamp,
    _deleted: false,
  };
}

/** The ticket follows its work order's engineer: a new ticket becomes assigned. */
export function assignTicket(ticket: Ticket, assigneeId: string): Ticket {
  return { ...ticket, assigneeId, status: ticket.status === 'new' ? 'assigned' : ticket.status };
}

/**
 * A job moved from one engineer to another takes its open ticket along (assignTicket), as creating
 * it did, when the ticket was that engineer's or nobody's: a ticket another engineer holds for their
 * own job stays theirs. Undefined when the ticket stays as it is.
 */
export function ticketFollowingJob(ticket: Ticket, fromId: string, toId: string): Ticket | undefined {
  if (fromId === toId || !OPEN_TICKET_STATUSES.includes(ticket.status)) return undefined;
  if (ticket.assigneeId && ticket.assigneeId !== fromId) return undefined;
  return assignTicket(ticket, toId);
}

export type DayEntry = { id: string; label: string; start: string; end: string; overlaps: boolean };

/** An engineer's day, sorted by start, each entry flagged when it overlaps another. */
export function planDay(entries: readonly Omit<DayEntry, 'overlaps'>[]): DayEntry[] {
  const sorted = [...entries].sort((a, b) => a.start.localeCompare(b.start));
  return sorted.map((entry) => ({
    ...entry,
    overlaps: sorted.some((other) => other.id !== entry.id && Date.parse(other.start) < Date.parse(entry.end) && Date.parse(entry.start) < Date.parse(other.end)),
  }));
}
