import type { Ticket, TicketStatus } from '../schemas/ticket';
import type { WorkOrder, WorkOrderStatus } from '../schemas/work-order';
import { WORK_ORDER_MACHINE } from './state-machine';

/** Work has started on site: the ticket's response is met from here (README, "SLA engine"). */
const WORK_STARTED: readonly WorkOrderStatus[] = ['on_site', 'in_progress'];
const NOT_STARTED_TICKET: readonly TicketStatus[] = ['new', 'assigned'];
const OPEN_TICKET: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'on_hold'];

export type TicketMove = { status: TicketStatus; at?: string };

/**
 * What a work order's status change does to its ticket: the engineer works the job, not the
 * ticket, so without this a finished job left its ticket open and its SLA running to a breach.
 * - Work starts on site (on site, or in progress): a ticket not started yet goes in progress,
 *   at the check-in time when there is one (offline work counts when it was done).
 * - A job is completed and every work order of the ticket is finished (completed or cancelled,
 *   at least one completed): an open ticket is resolved, at the job's completion time.
 * Anything else leaves the ticket alone: a job on hold may wait for parts the customer's SLA does
 * not pause for, and a cancelled job does not resolve a fault.
 */
export function ticketMoveFor(ticket: Ticket, before: WorkOrder | undefined, after: WorkOrder, siblings: readonly WorkOrder[]): TicketMove | undefined {
  if (after._deleted || ticket._deleted || before?.status === after.status) return undefined;
  if (WORK_STARTED.includes(after.status) && NOT_STARTED_TICKET.includes(ticket.status)) {
    return { status: 'in_progress', at: after.checkIn?.at };
  }
  if (after.status !== 'completed' || !OPEN_TICKET.includes(ticket.status)) return undefined;
  const all = [after, ...siblings.filter((wo) => wo.id !== after.id && !wo._deleted)];
  return all.every((wo) => WORK_ORDER_MACHINE.terminal.includes(wo.status)) ? { status: 'resolved', at: after.completedAt } : undefined;
}
