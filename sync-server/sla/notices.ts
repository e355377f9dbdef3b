import { createHash } from 'node:crypto';
import type { Threshold } from '@shared/domain/sla/thresholds';
import type { Activity, Notification } from '@shared/schemas/misc';
import type { Ticket } from '@shared/schemas/ticket';
import { SLA_ACTOR_ID } from '@shared/domain/system-actors';

/** Deterministic ids: every process derives the same id for the same notice, so a second write is a 409. */
export function noticeId(prefix: 'ntf' | 'act', ...parts: string[]): string {
  return `${prefix}-sla-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40)}`;
}

const KIND: Record<Threshold['kind'], Notification['kind']> = { warn50: 'sla_warning', warn75: 'sla_warning', breach: 'sla_breached', escalate2: 'escalated' };
const ACTION: Record<Threshold['kind'], Activity['action']> = { warn50: 'sla_warning', warn75: 'sla_warning', breach: 'sla_breached', escalate2: 'escalated' };

export function describeThreshold(threshold: Pick<Threshold, 'kind' | 'target'>): string {
  const what = threshold.target === 'response' ? 'response' : 'resolution';
  switch (threshold.kind) {
    case 'warn50':
      return `half the ${what} time used`;
    case 'warn75':
      return `75% of the ${what} time used`;
    case 'breach':
      return `${what} overdue (SLA breached)`;
    case 'escalate2':
      return `${what} overdue for a day (escalated to level 2)`;
  }
}

/**
 * The notice names the ticket in `body`; the due time it is about travels as data (`due`, on the
 * site's clock), so each device shows it as it shows every other time, in its reader's locale
 * (app/features/notifications/notification-text.ts). Stored text could only follow one locale.
 */
export function buildNotification(ticket: Ticket, threshold: Threshold, userId: string, at: string, timeZone: string): Notification {
  const dueAt = threshold.target === 'response' ? ticket.sla.responseDueAt : ticket.sla.resolutionDueAt;
  return {
    id: noticeId('ntf', ticket.id, threshold.key, userId),
    type: 'notification',
    userId,
    kind: KIND[threshold.kind],
    title: `${ticket.number}: ${describeThreshold(threshold)}`.slice(0, 200),
    body: ticket.title.slice(0, 2000),
    due: { target: threshold.target, at: dueAt, timeZone },
    subjectType: 'ticket',
    subjectId: ticket.id,
    createdAt: at,
    updatedAt: at,
    _deleted: false,
  };
}

export function buildSlaActivity(ticket: Ticket, threshold: Threshold, recipients: readonly string[], at: string): Activity {
  return {
    id: noticeId('act', ticket.id, threshold.key),
    type: 'activity',
    subjectType: 'ticket',
    subjectId: ticket.id,
    action: ACTION[threshold.kind],
    actorId: SLA_ACTOR_ID,
    at,
    changes: [
      { field: 'sla.threshold', after: threshold.key },
      { field: 'sla.escalationLevel', before: ticket.sla.escalationLevel, after: Math.max(ticket.sla.escalationLevel, threshold.escalationLevel) },
      { field: 'notified', after: recipients },
    ],
    siteId: ticket.siteId,
    ticketId: ticket.id,
    createdAt: at,
    updatedAt: at,
    _deleted: false,
  };
}
