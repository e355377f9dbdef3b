import type { AnyDoc, CollectionName } from '../schemas/collections';
import type { Role } from '../schemas/common';
import type { Ticket, TicketStatus } from '../schemas/ticket';
import type { WorkOrder, WorkOrderStatus } from '../schemas/work-order';
import { explainStatusChangeRefusal, TICKET_MACHINE, WORK_ORDER_MACHINE } from './state-machine';

/** `illegal_transition` for moves the state machine forbids; `invalid` for what a status requires. */
export type StatusRefusal = { message: string; field: string; kind: 'illegal_transition' | 'invalid' };

/** Statuses a document may be created in. */
export const INITIAL_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'assigned'];
export const INITIAL_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = ['scheduled'];

/**
 * Why this status change (or creation) is refused, or null. Covers the state machine (judged by
 * reachability: offline moves collapse into one synced change), the statuses a document may
 * start in, and what a status requires (an assignee, a resolution).
 */
export function explainStatusRefusal(
  collection: CollectionName,
  before: AnyDoc | undefined,
  after: AnyDoc,
  role: Role,
): StatusRefusal | null {
  if (after._deleted) return null;
  if (collection === 'tickets' && after.type === 'ticket') {
    return explainTicketRefusal(before?.type === 'ticket' && !before._deleted ? before : undefined, after, role);
  }
  if (collection === 'workOrders' && after.type === 'workOrder') {
    return explainWorkOrderRefusal(before?.type === 'workOrder' && !before._deleted ? before : undefined, after, role);
  }
  return null;
}

function explainTicketRefusal(before: Ticket | undefined, after: Ticket, role: Role): StatusRefusal | null {
  if (!before && !INITIAL_TICKET_STATUSES.includes(after.status)) {
    return { message: `a new ticket must start as ${INITIAL_TICKET_STATUSES.join(' or ')}, not ${after.status}`, field: 'status', kind: 'illegal_transition' };
  }
  const refusal = before ? explainStatusChangeRefusal(TICKET_MACHINE, before.status, after.status, role) : null;
  if (refusal) return { message: refusal, field: 'status', kind: 'illegal_transition' };
  if (after.status === 'assigned' && !after.assigneeId) return { message: 'an assigned ticket needs an assigneeId', field: 'assigneeId', kind: 'invalid' };
  return null;
}

function explainWorkOrderRefusal(before: WorkOrder | undefined, after: WorkOrder, role: Role): StatusRefusal | null {
  if (!before && !INITIAL_WORK_ORDER_STATUSES.includes(after.status)) {
    return { message: `a new work order must start as scheduled, not ${after.status}`, field: 'status', kind: 'illegal_transition' };
  }
  const refusal = before ? explainStatusChangeRefusal(WORK_ORDER_MACHINE, before.status, after.status, role) : null;
  if (refusal) return { message: refusal, field: 'status', kind: 'illegal_transition' };
  if (after.status === 'completed' && !after.resolution?.trim()) {
    return { message: 'a completed work order needs a resolution', field: 'resolution', kind: 'invalid' };
  }
  if (Date.parse(after.scheduledEnd) < Date.parse(after.scheduledStart)) {
    return { message: 'scheduledEnd must not be before scheduledStart', field: 'scheduledEnd', kind: 'invalid' };
  }
  return null;
}
