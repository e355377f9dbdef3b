import type { Ticket } from '../../schemas/ticket';

/**
 * What a ticket's SLA badge shows, from the server's fields and the current time, with no calendar
 * math (so the app's first route stays small): the due time that matters next and the time left.
 * `warning` comes from the server (the checker sets it at 50% of a target); `breached` also shows
 * as soon as a due time passes, before the checker has run.
 */
export type SlaBadgeState = 'ok' | 'warning' | 'breached' | 'paused' | 'met';
export type SlaView = { state: SlaBadgeState; target?: 'response' | 'resolution'; dueAt?: string; leftMs?: number };

export function slaViewAt(ticket: Pick<Ticket, 'status' | 'sla'>, now: Date): SlaView {
  const { sla, status } = ticket;
  const breachedBefore = sla.state === 'breached';
  if (status === 'cancelled') return { state: 'met' };
  if (sla.resolvedAt || status === 'resolved' || status === 'closed') {
    const late = breachedBefore || (sla.resolvedAt !== undefined && Date.parse(sla.resolvedAt) > Date.parse(sla.resolutionDueAt));
    return { state: late ? 'breached' : 'met' };
  }
  const target = sla.respondedAt ? 'resolution' : 'response';
  const dueAt = target === 'response' ? sla.responseDueAt : sla.resolutionDueAt;
  if (status === 'on_hold') return { state: breachedBefore ? 'breached' : 'paused', target, dueAt };
  const leftMs = Date.parse(dueAt) - now.getTime();
  const state = breachedBefore || leftMs <= 0 ? 'breached' : sla.state === 'warning' ? 'warning' : 'ok';
  return { state, target, dueAt, leftMs };
}

/**
 * The SLA a device shows for a ticket it created offline, until the server's computation arrives:
 * targets counted as plain minutes from creation (no business calendar, so no luxon in the app).
 * The server replaces it on sync (sla is server-owned).
 */
export function estimateNewTicketSla(policy: { responseMinutes: number; resolutionMinutes: number }, createdAt: Date): Ticket['sla'] {
  const at = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000).toISOString();
  return { responseDueAt: at(policy.responseMinutes), resolutionDueAt: at(policy.resolutionMinutes), pausedMs: 0, state: 'ok', escalationLevel: 0 };
}
