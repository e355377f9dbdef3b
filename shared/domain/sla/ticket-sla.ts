import type { Ticket, TicketSla } from '../../schemas/ticket';
import { addBusinessMs, businessMsBetween, type BusinessCalendar } from './calendar';
import { MEETS_TARGET } from './targets';
import { allThresholds, liveThresholds, MINUTE_MS, nextPending, type SlaTargets, stateAt } from './thresholds';

const RESPONDED = MEETS_TARGET.response;
const RESOLVED = MEETS_TARGET.resolution;

export type SlaPrevious = Pick<Ticket, 'status' | 'sla' | 'updatedAt' | 'statusChangedAt'>;

export type ComputeSlaInput = {
  calendar: BusinessCalendar;
  targets: SlaTargets;
  ticket: Pick<Ticket, 'createdAt' | 'status'>;
  /** The stored ticket before this change (undefined on create). */
  previous?: SlaPrevious;
  /** When this change happened: the server's time or an accepted device time (action-time.ts). */
  actionAt: Date;
  /** The server's time, for the stored state. */
  now: Date;
  /** Mark thresholds up to this instant as already acted on (demo history, never live tickets). */
  crossedUntil?: Date;
};

export type ComputedSla = { sla: TicketSla; statusChangedAt: string };

/**
 * The server-owned SLA fields of a ticket after a change.
 *
 * - Due times count business minutes on the calendar from creation: response after
 *   `responseMinutes`, resolution after `resolutionMinutes` plus the business time paused.
 * - The resolution clock is paused while the ticket is `on_hold`, and between a resolution and a
 *   reopen (resolved → in_progress): reopening resumes the clock where it stopped, it does not
 *   restart it. Paused time is measured in business time, so a pause over a night counts nothing.
 * - The response is met when work starts (or the ticket goes on hold or is resolved) or when the
 *   assignee posts a comment (recorded by the server, see recordFirstResponse); it is never unset.
 * - The resolution is met when the ticket is resolved; a reopen clears it.
 * - Thresholds already acted on (`crossed`) stay acted on; `nextThresholdAt` is the next one due.
 */
export function computeTicketSla(input: ComputeSlaInput): ComputedSla {
  const { calendar, targets, ticket, previous, actionAt } = input;
  const statusChanged = !previous || previous.status !== ticket.status;
  const actionMs = actionAt.getTime();
  const statusChangedAt = statusChanged ? actionAt.toISOString() : (previous.statusChangedAt ?? previous.updatedAt);
  let pausedMs = previous?.sla.pausedMs ?? 0;
  let resolvedAt = previous?.sla.resolvedAt;
  if (previous && statusChanged) {
    const enteredMs = Date.parse(previous.statusChangedAt ?? previous.updatedAt);
    if (previous.status === 'on_hold') pausedMs += businessMsBetween(calendar, enteredMs, actionMs);
    const reopened = RESOLVED.includes(previous.status) && !RESOLVED.includes(ticket.status);
    if (reopened && resolvedAt) {
      pausedMs += businessMsBetween(calendar, Date.parse(resolvedAt), actionMs);
      resolvedAt = undefined;
    }
  }
  const respondedAt = previous?.sla.respondedAt ?? (RESPONDED.includes(ticket.status) ? statusChangedAt : undefined);
  resolvedAt = RESOLVED.includes(ticket.status) ? (resolvedAt ?? statusChangedAt) : undefined;
  const createdMs = Date.parse(ticket.createdAt);
  const base = {
    responseDueAt: new Date(addBusinessMs(calendar, createdMs, targets.responseMinutes * MINUTE_MS)).toISOString(),
    resolutionDueAt: new Date(addBusinessMs(calendar, createdMs, targets.resolutionMinutes * MINUTE_MS + pausedMs)).toISOString(),
    ...(respondedAt ? { respondedAt } : {}),
    ...(resolvedAt ? { resolvedAt } : {}),
    pausedMs,
  };
  return { sla: settle(input, base, statusChangedAt), statusChangedAt };
}

type SlaBase = Pick<TicketSla, 'responseDueAt' | 'resolutionDueAt' | 'respondedAt' | 'resolvedAt' | 'pausedMs'>;

/** State, escalation level, crossed thresholds and the next one due, for the computed due times. */
function settle(input: ComputeSlaInput, base: SlaBase, statusChangedAt: string): TicketSla {
  const { calendar, targets, ticket, previous, now, crossedUntil } = input;
  const all = allThresholds(calendar, targets, ticket.createdAt, base);
  const live = liveThresholds(all, ticket.status, base, statusChangedAt);
  const crossed = new Set(previous?.sla.crossed ?? []);
  if (crossedUntil) for (const threshold of live) if (threshold.atMs <= crossedUntil.getTime()) crossed.add(threshold.key);
  const levels = all.filter((threshold) => crossed.has(threshold.key)).map((threshold) => threshold.escalationLevel);
  const escalationLevel = Math.max(previous?.sla.escalationLevel ?? 0, ...levels);
  const next = nextPending(live, [...crossed]);
  return {
    ...base,
    state: stateAt(live, now.getTime(), { response: Boolean(base.respondedAt), resolution: Boolean(base.resolvedAt) }),
    escalationLevel: Math.min(2, escalationLevel),
    crossed: [...crossed].sort(),
    ...(next ? { nextThresholdAt: new Date(next.atMs).toISOString() } : {}),
  };
}

/**
 * The ticket's SLA once the assignee's first comment counts as the response (if nothing responded
 * earlier). Returns undefined when the comment changes nothing.
 */
export function recordFirstResponse(input: Omit<ComputeSlaInput, 'ticket' | 'previous'> & { ticket: SlaPrevious & Pick<Ticket, 'createdAt'> }): TicketSla | undefined {
  const { ticket } = input;
  if (ticket.sla.respondedAt) return undefined;
  const previous = { ...ticket, sla: { ...ticket.sla, respondedAt: input.actionAt.toISOString() } };
  return computeTicketSla({ ...input, ticket, previous }).sla;
}

/** The ticket's SLA after the checker acted on one more threshold. */
export function markThresholdCrossed(input: Omit<ComputeSlaInput, 'ticket' | 'previous' | 'actionAt'> & { ticket: SlaPrevious & Pick<Ticket, 'createdAt'> }, key: string): TicketSla {
  const { ticket } = input;
  const crossed = [...new Set([...(ticket.sla.crossed ?? []), key])];
  const previous = { ...ticket, sla: { ...ticket.sla, crossed } };
  return computeTicketSla({ ...input, ticket, previous, actionAt: input.now }).sla;
}
