import { acceptActionTime } from '@shared/domain/sla/action-time';
import { calendarOf } from '@shared/domain/sla/calendar';
import { computeTicketSla } from '@shared/domain/sla/ticket-sla';
import type { SlaPolicy } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { Logger } from '../logger';

/** A site without a readable time zone is judged in UTC (logged: it should not happen). */
export const FALLBACK_TIME_ZONE = 'UTC';

export function targetsOf(policy: SlaPolicy) {
  return { responseMinutes: policy.responseMinutes, resolutionMinutes: policy.resolutionMinutes };
}

/**
 * The server-owned SLA fields of a ticket being written by a client: the device's proposed time of a
 * status change is accepted within the skew rule (action-time.ts), else the server's time is used.
 * A client's own `sla` and `statusChangedAt` values never reach the store.
 */
export function ticketSlaFields(
  candidate: Ticket,
  previous: Ticket | undefined,
  policy: SlaPolicy,
  site: Site | undefined,
  now: Date,
  logger: Logger,
): Pick<Ticket, 'sla' | 'statusChangedAt'> {
  const statusChanged = !previous || previous.status !== candidate.status;
  const notBefore = previous ? (previous.statusChangedAt ?? previous.updatedAt) : undefined;
  const verdict = statusChanged ? acceptActionTime(candidate.statusChangedAt, now, notBefore) : { at: now, accepted: false };
  if (statusChanged && !verdict.accepted && candidate.statusChangedAt) {
    logger.info({ ticketId: candidate.id, proposed: candidate.statusChangedAt, reason: verdict.reason }, 'device action time refused; using the server time');
  }
  if (!site) logger.warn({ ticketId: candidate.id, siteId: candidate.siteId }, 'ticket site not found; SLA judged in UTC');
  const { sla, statusChangedAt } = computeTicketSla({
    calendar: calendarOf(policy, site?.timezone ?? FALLBACK_TIME_ZONE),
    targets: targetsOf(policy),
    ticket: candidate,
    previous,
    actionAt: verdict.at,
    now,
  });
  return { sla, statusChangedAt };
}
