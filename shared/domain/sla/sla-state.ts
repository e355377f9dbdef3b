import type { Ticket } from '../../schemas/ticket';
import { isTargetMissed, MEETS_TARGET, SLA_TARGETS, type SlaTarget } from './targets';

/**
 * What a ticket's SLA badge shows, from the server's fields and the current time, with no calendar
 * math (so the app's first route stays small): the due time that matters next, the time left, and
 * which targets are missed — a response met late leaves the resolution running, and saying only
 * "breached" next to its countdown would not tell which.
 * `warning` comes from the server (the checker sets it at 50% of a target); `breached` also shows
 * as soon as a due time passes, before the checker has run.
 */
export type SlaBadgeState = 'ok' | 'warning' | 'breached' | 'paused' | 'met';
export type SlaView = { state: SlaBadgeState; missed: SlaTarget[]; target?: SlaTarget; dueAt?: string; leftMs?: number };

export function slaViewAt(ticket: Pick<Ticket, 'status' | 'sla' | 'statusChangedAt'>, now: Date): SlaView {
  const { sla, status } = ticket;
  if (status === 'cancelled') return { state: 'met', missed: [] };
  const missed = SLA_TARGETS.filter((target) => isTargetMissed(target, ticket, now.getTime()));
  // The server's breach stays even if a due time moved later since (a policy change).
  const breached = sla.state === 'breached' || missed.length > 0;
  if (sla.resolvedAt || status === 'resolved' || status === 'closed') return { state: breached ? 'breached' : 'met', missed };
  // A status that met the response counts before the server has recorded when (a change not synced yet).
  const target = sla.respondedAt || MEETS_TARGET.response.includes(status) ? 'resolution' : 'response';
  const dueAt = target === 'response' ? sla.responseDueAt : sla.resolutionDueAt;
  if (status === 'on_hold') return { state: breached ? 'breached' : 'paused', missed, target, dueAt };
  const leftMs = Date.parse(dueAt) - now.getTime();
  const state = breached ? 'breached' : sla.state === 'warning' ? 'warning' : 'ok';
  return { state, missed, target, dueAt, leftMs };
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
