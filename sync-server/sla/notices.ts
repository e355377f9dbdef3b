import { createHash } from 'node:crypto';
import type { Threshold } from '@shared/domain/sla/thresholds';
import type { Activity, Notification } from '@shared/schemas/misc';
import type { Ticket } from '@shared/schemas/ticket';

/** The actor of activities the SLA engine writes (no user did anything). */
export const SLA_ACTOR_ID = 'system-sla';

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
      return `${what} overdue for 24 h (escalated to level 2)`;
  }
}

/**
 * A due time as people at the site read it: "Sat 5 Dec, 14:30 (Berlin time)". Notifications are
 * stored text, read on any device; the site's clock is the one the SLA runs on.
 */
export function formatDueAtSite(iso: string, timeZone: string): string {
  const when = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
  const place = (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
  return `${when} (${place} time)`;
}

export function buildNotification(ticket: Ticket, threshold: Threshold, userId: string, at: string, timeZone: string): Notification {
  const due = formatDueAtSite(threshold.target === 'response' ? ticket.sla.responseDueAt : ticket.sla.resolutionDueAt, timeZone);
  return {
    id: noticeId('ntf', ticket.id, threshold.key, userId),
    type: 'notification',
    userId,
    kind: KIND[threshold.kind],
    title: `${ticket.number}: ${describeThreshold(threshold)}`.slice(0, 200),
    body: `${ticket.title} — ${threshold.target} due ${due}.`.slice(0, 2000),
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
