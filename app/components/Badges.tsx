import type { SlaBadgeState } from '@shared/domain/sla/sla-state';
import type { Priority } from '@shared/schemas/common';
import type { Ticket } from '@shared/schemas/ticket';
import type { WorkOrderStatus } from '@shared/schemas/work-order';
import { PRIORITY_LABELS, WORK_ORDER_STATUS_LABELS } from './labels';
import { slaBadgeWords } from './sla-text';

/** Badges always carry their meaning in words; colour only repeats it. */
export function StatusBadge({ status, testId }: { status: WorkOrderStatus; testId?: string }) {
  return (
    <span className={`badge badge--status-${status}`} data-testid={testId} data-status={status}>
      {WORK_ORDER_STATUS_LABELS[status]}
    </span>
  );
}

/** A paused or met SLA is no worry: it wears the on-track colour, its words say the rest. */
export function slaBadgeClass(state: SlaBadgeState): string {
  return `badge badge--sla-${state === 'paused' || state === 'met' ? 'ok' : state}`;
}

/**
 * The SLA headline next to a line that gives the times (describeSlaDue): on a breach it names the
 * target missed ("Response late", "Fix overdue"), so it never contradicts a resolution still on time.
 */
export function SlaBadge({ ticket, now }: { ticket: Pick<Ticket, 'status' | 'sla' | 'statusChangedAt'>; now: Date }) {
  const words = slaBadgeWords(ticket, now);
  return (
    <span className={slaBadgeClass(words.state)} data-sla={words.state} data-missed={words.missed.join(' ') || undefined}>
      {words.label}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`badge badge--priority-${priority}`} data-priority={priority}>
      {PRIORITY_LABELS[priority]}
      <span className="visually-hidden"> priority</span>
    </span>
  );
}
