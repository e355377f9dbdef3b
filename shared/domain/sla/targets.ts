import type { Ticket, TicketSla, TicketStatus } from '../../schemas/ticket';

/**
 * A ticket's two SLA targets and when each clock stops. No calendar math here (that is
 * thresholds.ts, on luxon), so the app can word a ticket's SLA without loading it.
 */
export const SLA_TARGETS = ['response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/**
 * Statuses that meet a target: someone responded once work started or the ticket was put on hold
 * or resolved by a worker; it is resolved once resolved or closed.
 */
export const MEETS_TARGET: Record<SlaTarget, readonly TicketStatus[]> = {
  response: ['in_progress', 'on_hold', 'resolved', 'closed'],
  resolution: ['resolved', 'closed'],
};

/**
 * The instant each target's clock stopped, or undefined while it runs. A threshold that falls
 * after its clock stopped never happens (a ticket resolved before its due time is not breached,
 * however late the resolution synced). A paused or cancelled ticket's clocks stop at the change.
 */
export function clockStopMs(target: SlaTarget, status: TicketStatus, sla: Pick<TicketSla, 'respondedAt' | 'resolvedAt'>, statusChangedAt: string | undefined): number | undefined {
  const met = target === 'response' ? sla.respondedAt : sla.resolvedAt;
  if (met) return Date.parse(met);
  if (status === 'cancelled' || (target === 'resolution' && status === 'on_hold')) {
    return statusChangedAt ? Date.parse(statusChangedAt) : Number.NEGATIVE_INFINITY;
  }
  return undefined;
}

/**
 * Whether a target is missed at `nowMs`: its due time came while its clock ran, which is when the
 * checker's breach threshold for it falls (thresholds.ts), or the checker already recorded that
 * breach. A target met late stays missed.
 */
export function isTargetMissed(target: SlaTarget, ticket: Pick<Ticket, 'status' | 'sla' | 'statusChangedAt'>, nowMs: number): boolean {
  const { sla } = ticket;
  if (sla.crossed?.includes(`${target}.breach`)) return true;
  const dueMs = Date.parse(target === 'response' ? sla.responseDueAt : sla.resolutionDueAt);
  const stopMs = clockStopMs(target, ticket.status, sla, ticket.statusChangedAt);
  // A status changed on a device and not synced yet can meet a target before the server has
  // recorded when: no verdict of our own until it has.
  if (stopMs === undefined && MEETS_TARGET[target].includes(ticket.status)) return false;
  return dueMs <= Math.min(stopMs ?? nowMs, nowMs);
}
