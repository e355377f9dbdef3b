import { useState } from 'react';
import { nextStatuses, TICKET_MACHINE } from '@shared/domain/state-machine';
import type { Ticket, TicketStatus } from '@shared/schemas/ticket';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../session/SessionContext';
import { describeActionError, type ActionError } from '../work-orders/useWorkOrderAction';
import { TICKET_STATUS_LABELS } from './ticket-labels';
import { updateTicket } from './update-ticket';

/** Only the moves the state machine allows this role; "Assigned" waits for an assignee. */
export function TicketStatusActions({ ticket }: { ticket: Ticket }) {
  const { db, user } = useSession();
  const [error, setError] = useState<ActionError>();
  const targets = nextStatuses(TICKET_MACHINE, ticket.status, user.role).filter((to) => to !== 'assigned' || ticket.assigneeId);
  if (targets.length === 0) return null;

  async function move(to: TicketStatus) {
    try {
      await updateTicket(db, ticket.id, (current) => ({ ...current, status: to }));
      setError(undefined);
    } catch (caught) {
      setError(describeActionError(caught));
    }
  }

  return (
    <section className="card" aria-labelledby="ticket-status-title">
      <h2 id="ticket-status-title">Status</h2>
      <div className="button-row">
        {targets.map((to) => (
          <button key={to} type="button" className="secondary" data-testid={`ticket-status-${to}`} onClick={() => void move(to)}>
            {TICKET_STATUS_LABELS[to]}
          </button>
        ))}
      </div>
      <FieldError id="ticket-status-error" message={error?.message} />
    </section>
  );
}
