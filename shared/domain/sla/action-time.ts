import type { Ticket, TicketStatus } from '../../schemas/ticket';

/**
 * Offline work is judged by when it was done, not when it synced: a device proposes the time of a
 * status change (`statusChangedAt`) and the server accepts it when it is plausible —
 * - not before the ticket's previous status change (or its creation): time does not run backwards;
 * - at most MAX_AGE_MS old: a week covers a long offline spell, not a forged date months back;
 * - at most MAX_AHEAD_MS ahead of the server's clock (a device clock a little fast), and then
 *   counted as the server's time: nothing happens in the future.
 * Anything else (missing, unparsable, out of bounds) falls back to the server's clock.
 */
export const ACTION_TIME_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
export const ACTION_TIME_MAX_AHEAD_MS = 2 * 60_000;

export type ActionTimeVerdict = { at: Date; accepted: boolean; reason?: string };

export function acceptActionTime(proposed: unknown, serverNow: Date, notBefore: string | undefined): ActionTimeVerdict {
  const nowMs = serverNow.getTime();
  if (typeof proposed !== 'string') return { at: serverNow, accepted: false, reason: 'no device time' };
  const proposedMs = Date.parse(proposed);
  if (Number.isNaN(proposedMs)) return { at: serverNow, accepted: false, reason: 'unreadable device time' };
  if (proposedMs > nowMs + ACTION_TIME_MAX_AHEAD_MS) return { at: serverNow, accepted: false, reason: 'device time ahead of the server' };
  if (proposedMs < nowMs - ACTION_TIME_MAX_AGE_MS) return { at: serverNow, accepted: false, reason: 'device time older than 7 days' };
  if (notBefore && proposedMs < Date.parse(notBefore)) return { at: serverNow, accepted: false, reason: 'device time before the previous change' };
  return { at: new Date(Math.min(proposedMs, nowMs)), accepted: true };
}

/** A device's status change: the new status and the device's time of it, for the server to judge. */
export function withStatusChange<T extends Pick<Ticket, 'status'> & { statusChangedAt?: string }>(ticket: T, status: TicketStatus, now: Date): T {
  return { ...ticket, status, statusChangedAt: now.toISOString() };
}
