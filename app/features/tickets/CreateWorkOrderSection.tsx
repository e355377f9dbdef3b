import { useMemo, useState, type FormEvent } from 'react';
import { rankEngineers } from '@shared/domain/assignment';
import type { Priority } from '@shared/schemas/common';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import { WORK_ORDER_KINDS, type WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { SiteTimeInputs } from '../../components/SiteTimeInputs';
import { WORK_ORDER_KIND_LABELS } from '../../components/labels';
import { fromZonedInput, nextFullHour, toZonedInput } from '../../components/zoned-time';
import { useCollection } from '../../db/useCollection';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { describeActionError, type ActionError } from '../work-orders/useWorkOrderAction';
import { AssignmentSuggestions } from './AssignmentSuggestions';
import { EngineerDayView } from './EngineerDayView';
import { assignTicket, buildWorkOrderFromTicket } from './ticket-drafts';
import { updateTicket } from './update-ticket';

/** Create a work order from the ticket: pick the engineer from the ranked suggestions, schedule it. */
export function CreateWorkOrderSection({ ticket, site }: { ticket: Ticket; site: Site | undefined }) {
  const { db } = useSession();
  const engineers = useCollection('users', { role: 'engineer' });
  const workOrders = useCollection('workOrders');
  const tickets = useCollection('tickets');
  const categories = useCollection('categories');
  const sites = useCollection('sites');
  const [assigneeId, setAssigneeId] = useState(ticket.assigneeId ?? '');
  const [kind, setKind] = useState<WorkOrder['kind']>('corrective');
  // Typed on the site's clock (components/zoned-time.ts); the device's until the site has synced.
  const zone = site?.timezone;
  const [start, setStart] = useState(() => toZonedInput(nextFullHour(zone), zone));
  const [end, setEnd] = useState(() => toZonedInput(new Date(nextFullHour(zone).getTime() + 2 * 3_600_000), zone));
  const scheduled = { start: fromZonedInput(start, zone) ?? '', end: fromZonedInput(end, zone) ?? '' };
  const [error, setError] = useState<ActionError>();
  const [created, setCreated] = useState<string>();

  const ranked = useMemo(() => {
    const priorities = new Map<string, Priority>((tickets ?? []).map((t) => [t.id, t.priority]));
    return rankEngineers({ ticket, site, engineers: engineers ?? [], workOrders: workOrders ?? [], ticketPriorities: priorities, categories: categories ?? [], sites: sites ?? [] });
  }, [ticket, site, engineers, workOrders, tickets, categories, sites]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const wo = buildWorkOrderFromTicket(ticket, { assigneeId, kind, scheduledStart: scheduled.start, scheduledEnd: scheduled.end }, new Date());
      await saveDocument(db, 'workOrders', wo);
      await updateTicket(db, ticket.id, (current) => assignTicket(current, assigneeId));
      setError(undefined);
      setCreated(wo.number);
    } catch (caught) {
      setError(describeActionError(caught));
    }
  }

  return (
    <section className="card" aria-labelledby="create-wo-title">
      <h2 id="create-wo-title">Create a work order</h2>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <AssignmentSuggestions ranked={ranked} selected={assigneeId} onSelect={setAssigneeId} />
        <FieldError id="wo-assignee-error" message={error?.field === 'assigneeId' ? error.message : undefined} />
        <div className="form-grid">
          <label>
            Kind
            <select value={kind} onChange={(event) => setKind(event.target.value as WorkOrder['kind'])}>
              {WORK_ORDER_KINDS.map((value) => (
                <option key={value} value={value}>
                  {WORK_ORDER_KIND_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
          <SiteTimeInputs start={start} end={end} onStart={setStart} onEnd={setEnd} timeZone={zone} describedBy={{ start: 'wo-start-error', end: 'wo-end-error' }} />
        </div>
        <FieldError id="wo-start-error" message={error?.field === 'scheduledStart' ? error.message : undefined} />
        <FieldError id="wo-end-error" message={error?.field === 'scheduledEnd' ? error.message : undefined} />
        {assigneeId && <EngineerDayView engineerId={assigneeId} day={start.slice(0, 10)} proposed={scheduled} workOrders={workOrders ?? []} timeZone={zone} />}
        <FieldError id="wo-error" message={error && !['assigneeId', 'scheduledStart', 'scheduledEnd'].includes(error.field) ? error.message : undefined} />
        <button type="submit">Create work order</button>
        {created && (
          <p role="status" data-testid="wo-created">
            Work order {created} created and assigned.
          </p>
        )}
      </form>
    </section>
  );
}
