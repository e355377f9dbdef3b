import type { Priority } from '@shared/schemas/common';
import type { TicketSla } from '@shared/schemas/ticket';
import type { WorkOrderStatus } from '@shared/schemas/work-order';
import { PRIORITY_LABELS, SLA_STATE_LABELS, WORK_ORDER_STATUS_LABELS } from './labels';

/** Badges always carry their meaning in words; colour only repeats it. */
export function StatusBadge({ status, testId }: { status: WorkOrderStatus; testId?: string }) {
  return (
    <span className={`badge badge--status-${status}`} data-testid={testId} data-status={status}>
      {WORK_ORDER_STATUS_LABELS[status]}
    </span>
  );
}

export function SlaBadge({ state }: { state: TicketSla['state'] }) {
  return (
    <span className={`badge badge--sla-${state}`} data-sla={state}>
      {SLA_STATE_LABELS[state]}
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
