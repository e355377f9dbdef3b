import { useState } from 'react';
import { planBulkAssign, planBulkStatus, type BulkPlan } from '@shared/domain/ticket-queue';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { TICKET_STATUS_LABELS } from '../tickets/ticket-labels';
import { PersonOptions } from '../../components/ReferenceOptions';

type Summary = { changed: number; refused: { number: string; reason: string }[]; failed?: string };

/** Bulk assign or status change of the selected tickets: legal moves are saved, the rest explained. */
export function BulkBar({ tickets, engineers, onDone }: { tickets: readonly Ticket[]; engineers: readonly User[]; onDone: () => void }) {
  const { db, user } = useSession();
  const [assignee, setAssignee] = useState('');
  const [status, setStatus] = useState<TicketStatus | ''>('');
  const [summary, setSummary] = useState<Summary>();

  async function apply(plan: BulkPlan<Ticket>) {
    const refused = plan.refused.map(({ ticket, reason }) => ({ number: ticket.number, reason }));
    let changed = 0;
    try {
      for (const ticket of plan.changed) {
        await saveDocument(db, 'tickets', ticket);
        changed++;
      }
      setSummary({ changed, refused });
      onDone();
    } catch (caught) {
      setSummary({ changed, refused, failed: caught instanceof Error ? caught.message : String(caught) });
    }
  }

  return (
    <div className="bulk-bar" aria-label="Bulk actions">
      <span>{tickets.length} selected</span>
      <label>
        Assign to
        <select value={assignee} onChange={(event) => setAssignee(event.target.value)}>
          <option value="">Choose…</option>
          <PersonOptions people={engineers} />
        </select>
      </label>
      <button type="button" disabled={tickets.length === 0 || !assignee} onClick={() => void apply(planBulkAssign(tickets, assignee, user.role))}>
        Assign
      </button>
      <label>
        Set status
        <select value={status} onChange={(event) => setStatus(event.target.value as TicketStatus | '')}>
          <option value="">Choose…</option>
          {TICKET_STATUSES.map((value) => (
            <option key={value} value={value}>
              {TICKET_STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={tickets.length === 0 || !status} onClick={() => status && void apply(planBulkStatus(tickets, status, user.role))}>
        Apply
      </button>
      {summary && (
        <div role="status" className="bulk-bar__summary" data-testid="bulk-summary">
          <p>
            Changed {summary.changed}. {summary.refused.length > 0 ? `Refused ${summary.refused.length}:` : 'None refused.'}
          </p>
          {summary.refused.length > 0 && (
            <ul>
              {summary.refused.map((entry) => (
                <li key={entry.number}>
                  {entry.number}: {entry.reason}
                </li>
              ))}
            </ul>
          )}
          {summary.failed && <p className="field-error">Stopped: {summary.failed}</p>}
        </div>
      )}
    </div>
  );
}
