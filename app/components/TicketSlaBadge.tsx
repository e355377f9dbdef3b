import { type SlaBadgeState, slaViewAt } from '@shared/domain/sla/sla-state';
import type { Ticket } from '@shared/schemas/ticket';
import { formatDuration } from './format';
import { useNow } from './useNow';

const LABELS: Record<SlaBadgeState, string> = {
  ok: 'SLA on track',
  warning: 'SLA at risk',
  breached: 'SLA breached',
  paused: 'SLA paused',
  met: 'SLA met',
};

/**
 * A ticket's SLA at a glance: the state in words (colour only repeats it) and, while a clock runs,
 * the time left or overdue on the target that matters next. Ticks every 30 s; usable in any list.
 */
export function TicketSlaBadge({ ticket }: { ticket: Pick<Ticket, 'status' | 'sla'> }) {
  const now = useNow(30_000);
  const view = slaViewAt(ticket, now);
  const cssState = view.state === 'paused' || view.state === 'met' ? 'ok' : view.state;
  const left = view.leftMs === undefined ? undefined : view.leftMs >= 0 ? `${formatDuration(view.leftMs)} left` : `${formatDuration(-view.leftMs)} over`;
  return (
    <span className={`badge badge--sla-${cssState} badge--sla-view-${view.state}`} data-testid="ticket-sla" data-sla={view.state}>
      {LABELS[view.state]}
      {left && view.target && (
        <span className="badge__detail">
          {' · '}
          {view.target === 'response' ? 'response' : 'fix'} {left}
        </span>
      )}
    </span>
  );
}
