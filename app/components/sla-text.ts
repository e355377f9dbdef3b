import { type SlaBadgeState, type SlaView, slaViewAt } from '@shared/domain/sla/sla-state';
import type { Ticket } from '@shared/schemas/ticket';
import { formatDuration } from './format';
import { SLA_STATE_LABELS } from './labels';

type SlaTicket = Pick<Ticket, 'status' | 'sla' | 'statusChangedAt'>;

const STATE_LABELS: Record<Exclude<SlaBadgeState, 'breached'>, string> = {
  ok: SLA_STATE_LABELS.ok,
  warning: SLA_STATE_LABELS.warning,
  paused: 'SLA paused',
  met: 'SLA met',
};

/**
 * A ticket's SLA badge in words. `label` is the headline: on a breach it names the target missed
 * ("Response late", "Fix overdue"), since a resolution still on time next to a bare "SLA breached"
 * reads as a contradiction. `overdue` is how long the missed target has been overdue while its
 * clock runs, `detail` the clock still running (or that it is paused, on a breach). The server
 * computes the due times; this only words them.
 */
export type SlaWords = { state: SlaBadgeState; label: string; overdue?: string; detail?: string; missed: SlaView['missed'] };

export function slaBadgeWords(ticket: SlaTicket, now: Date): SlaWords {
  const { sla } = ticket;
  const view = slaViewAt(ticket, now);
  const base = { state: view.state, missed: view.missed };
  const since = (iso: string) => `by ${formatDuration(now.getTime() - Date.parse(iso))}`;
  const until = (iso: string) => `due in ${formatDuration(Date.parse(iso) - now.getTime())}`;
  // Only a clock still counting down has a time left to show: not while on hold, not once done.
  const running = view.leftMs !== undefined;
  const fixDetail = running ? `fix ${until(sla.resolutionDueAt)}` : ticket.status === 'on_hold' ? 'clock paused' : undefined;
  if (view.state !== 'breached') {
    const label = STATE_LABELS[view.state];
    if (!running) return { ...base, label };
    return { ...base, label, detail: view.target === 'response' ? `response ${until(sla.responseDueAt)}` : `fix ${until(sla.resolutionDueAt)}` };
  }
  if (view.missed.includes('resolution')) {
    if (view.target === undefined) return { ...base, label: 'Fixed late' };
    return { ...base, label: 'Fix overdue', ...(running ? { overdue: since(sla.resolutionDueAt) } : { detail: 'clock paused' }) };
  }
  if (view.missed.includes('response')) {
    // Awaited, the response is the clock that matters (and the badge must fit a phone's row).
    if (view.target === 'response') return { ...base, label: 'Response overdue', overdue: since(sla.responseDueAt) };
    return { ...base, label: 'Response late', ...(fixDetail ? { detail: fixDetail } : {}) };
  }
  // The server's breach with no due time passed: the times moved since (a policy change).
  return { ...base, label: 'SLA breached', ...(fixDetail ? { detail: fixDetail } : {}) };
}

/**
 * The SLA line read on a ticket: what is due next and how long is left, what is overdue, or that
 * the clock is paused or done. A missed resolution outranks the response still awaited.
 */
export function describeSlaDue(ticket: SlaTicket, now: Date): string {
  const { sla } = ticket;
  if (sla.resolvedAt || ticket.status === 'resolved' || ticket.status === 'closed') return 'Resolved';
  if (ticket.status === 'cancelled') return 'Cancelled';
  if (ticket.status === 'on_hold') return 'SLA clock paused while on hold';
  const dueIn = (what: string, due: string) => {
    const left = Date.parse(due) - now.getTime();
    return left >= 0 ? `${what} due in ${formatDuration(left)}` : `${what} overdue by ${formatDuration(-left)}`;
  };
  const { missed, target } = slaViewAt(ticket, now);
  if (target === 'resolution' || missed.includes('resolution')) return dueIn('Resolution', sla.resolutionDueAt);
  const response = dueIn('Response', sla.responseDueAt);
  return missed.includes('response') ? `${response} · ${dueIn('resolution', sla.resolutionDueAt)}` : response;
}
