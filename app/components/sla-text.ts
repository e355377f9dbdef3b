import type { Ticket } from '@shared/schemas/ticket';
import { formatDuration } from './format';

/**
 * The SLA line an engineer reads on a ticket: what is due next and how long is left, or that
 * the clock is paused or done. The server computes the due times; this only words them.
 */
export function describeSlaDue(ticket: Pick<Ticket, 'status' | 'sla'>, now: Date): string {
  const { sla } = ticket;
  if (sla.resolvedAt || ticket.status === 'resolved' || ticket.status === 'closed') return 'Resolved';
  if (ticket.status === 'cancelled') return 'Cancelled';
  if (ticket.status === 'on_hold') return 'SLA clock paused while on hold';
  const [what, due] = sla.respondedAt ? ['Resolution', sla.resolutionDueAt] : ['Response', sla.responseDueAt];
  const left = Date.parse(due) - now.getTime();
  return left >= 0 ? `${what} due in ${formatDuration(left)}` : `${what} overdue by ${formatDuration(-left)}`;
}
