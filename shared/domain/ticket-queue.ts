import { z } from 'zod';
import { PRIORITIES, type Role } from '../schemas/common';
import { SLA_STATES, TICKET_STATUSES, type Ticket, type TicketStatus } from '../schemas/ticket';
import { explainTransitionRefusal, TICKET_MACHINE } from './state-machine';

/**
 * The dispatcher's queue as pure functions: filters (kept in the URL, so a filtered view can be
 * bookmarked and shared), sorting by SLA urgency, and bulk changes that apply only legal moves and
 * say why the rest were refused.
 */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item)).default([]);

export const QueueFiltersSchema = z.object({
  status: list(z.enum(TICKET_STATUSES)),
  priority: list(z.enum(PRIORITIES)),
  sla: list(z.enum(SLA_STATES)),
  site: z.string().max(80).optional(),
  /** A user id, or `none` for unassigned tickets. */
  assignee: z.string().max(80).optional(),
  category: z.string().max(60).optional(),
  q: z.string().max(200).optional(),
});
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

/** The open statuses: the queue's default view. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'on_hold'];

/** Filters from URL search params; a bad value is dropped (a hand-edited URL must still open the queue). */
export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(QueueFiltersSchema.shape)) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = QueueFiltersSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return QueueFiltersSchema.parse(Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key))));
}

export function queueFiltersToParams(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text) params.set(key, text);
  }
  return params;
}

type QueueTicket = Pick<Ticket, 'number' | 'title' | 'description' | 'status' | 'priority' | 'siteId' | 'assigneeId' | 'category' | 'tags' | 'sla'>;

export function filterTickets<T extends QueueTicket>(tickets: readonly T[], filters: QueueFilters): T[] {
  const words = (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return tickets.filter((ticket) => {
    if (filters.status.length > 0 && !filters.status.includes(ticket.status)) return false;
    if (filters.priority.length > 0 && !filters.priority.includes(ticket.priority)) return false;
    if (filters.sla.length > 0 && !filters.sla.includes(ticket.sla.state)) return false;
    if (filters.site && ticket.siteId !== filters.site) return false;
    if (filters.assignee && (ticket.assigneeId ?? 'none') !== filters.assignee) return false;
    if (filters.category && ticket.category !== filters.category) return false;
    if (words.length === 0) return true;
    const haystack = `${ticket.number} ${ticket.title} ${ticket.description} ${ticket.tags.join(' ')}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * Milliseconds until the ticket's next SLA deadline (negative: overdue). The response deadline
 * counts until someone responded, then the resolution deadline. Finished tickets and paused ones
 * (on hold) have no running clock and sort last.
 */
export function slaUrgencyMs(ticket: Pick<Ticket, 'status' | 'sla'>, now: Date): number {
  if (ticket.sla.resolvedAt || TICKET_MACHINE.terminal.includes(ticket.status) || ticket.status === 'resolved') return Number.POSITIVE_INFINITY;
  if (ticket.status === 'on_hold') return Number.MAX_SAFE_INTEGER;
  const due = ticket.sla.respondedAt ? ticket.sla.resolutionDueAt : ticket.sla.responseDueAt;
  return Date.parse(due) - now.getTime();
}

const PRIORITY_RANK = Object.fromEntries(PRIORITIES.map((priority, index) => [priority, index]));

/** Most urgent first; ties by priority, then oldest number. */
export function sortBySlaUrgency<T extends Pick<Ticket, 'status' | 'sla' | 'priority' | 'number'>>(tickets: readonly T[], now: Date): T[] {
  return [...tickets].sort(
    (a, b) =>
      compareNumbers(slaUrgencyMs(a, now), slaUrgencyMs(b, now)) ||
      (PRIORITY_RANK[a.priority] ?? 0) - (PRIORITY_RANK[b.priority] ?? 0) ||
      a.number.localeCompare(b.number),
  );
}

function compareNumbers(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

export type BulkPlan<T> = { changed: T[]; refused: { ticket: T; reason: string }[] };

/** Moves every ticket the role may legally move to `to`; the others are listed with the reason. */
export function planBulkStatus<T extends Ticket>(tickets: readonly T[], to: TicketStatus, role: Role): BulkPlan<T> {
  const plan: BulkPlan<T> = { changed: [], refused: [] };
  for (const ticket of tickets) {
    if (ticket.status === to) {
      plan.refused.push({ ticket, reason: `already ${to.replace('_', ' ')}` });
      continue;
    }
    const refusal = explainTransitionRefusal(TICKET_MACHINE, ticket.status, to, role);
    if (refusal) plan.refused.push({ ticket, reason: refusal });
    else if (to === 'assigned' && !ticket.assigneeId) plan.refused.push({ ticket, reason: 'has no assignee: assign someone first' });
    else plan.changed.push({ ...ticket, status: to });
  }
  return plan;
}

/** Assigns open tickets to `assigneeId`; a new ticket becomes assigned, finished ones are refused. */
export function planBulkAssign<T extends Ticket>(tickets: readonly T[], assigneeId: string, role: Role): BulkPlan<T> {
  const plan: BulkPlan<T> = { changed: [], refused: [] };
  for (const ticket of tickets) {
    if (ticket.assigneeId === assigneeId) {
      plan.refused.push({ ticket, reason: 'already assigned to them' });
      continue;
    }
    if (!OPEN_TICKET_STATUSES.includes(ticket.status)) {
      plan.refused.push({ ticket, reason: `a ${ticket.status.replace('_', ' ')} ticket cannot be reassigned` });
      continue;
    }
    const status = ticket.status === 'new' ? 'assigned' : ticket.status;
    const refusal = explainTransitionRefusal(TICKET_MACHINE, ticket.status, status, role);
    if (refusal) plan.refused.push({ ticket, reason: refusal });
    else plan.changed.push({ ...ticket, assigneeId, status });
  }
  return plan;
}
