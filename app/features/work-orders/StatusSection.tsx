import type { WorkOrder, WorkOrderStatus } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../session/SessionContext';
import { useWorkOrderAction } from './useWorkOrderAction';
import { changeStatus, statusButtonsFor } from './work-order-actions';

/** Moves that only step aside (pause, go back, cancel) are not the main action. */
const SIDE_STEPS: readonly WorkOrderStatus[] = ['on_hold', 'scheduled', 'cancelled'];

/** Only the transitions the state machine allows this user are offered. */
export function StatusSection({ wo }: { wo: WorkOrder }) {
  const { user } = useSession();
  const { run, error, busy } = useWorkOrderAction(wo.id);
  const buttons = statusButtonsFor(wo, user.role);
  if (buttons.length === 0) return null;
  const primary = buttons.find((button) => !SIDE_STEPS.includes(button.status))?.status;

  const move = (to: WorkOrderStatus) => {
    if (to === 'cancelled' && !window.confirm('Cancel this work order? This cannot be undone.')) return;
    void run((current, now) => changeStatus(current, to, user.role, now));
  };

  return (
    <section className="card">
      <h2 id="status-title">Update status</h2>
      <div className="button-row">
        {buttons.map((button) => (
          <button
            key={button.status}
            type="button"
            data-testid={`status-${button.status}`}
            className={button.status === primary ? 'primary' : button.status === 'cancelled' ? 'danger' : undefined}
            disabled={busy}
            aria-describedby={error ? 'status-error' : undefined}
            onClick={() => move(button.status)}
          >
            {button.label}
          </button>
        ))}
      </div>
      {wo.status === 'on_site' || wo.status === 'in_progress' ? (
        <p className="muted">To finish, fill in the resolution under “Complete the job”.</p>
      ) : null}
      <FieldError id="status-error" message={error?.message} />
    </section>
  );
}
