import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { rankEngineers } from '@shared/domain/assignment';
import type { Priority } from '@shared/schemas/common';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import { WORK_ORDER_KINDS, type WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { SiteTimeInputs } from '../../components/SiteTimeInputs';
import { shownNumber, WORK_ORDER_KIND_LABELS } from '../../components/labels';
import { useBusy } from '../../components/useBusy';
import { nextFullHour, zonedSchedule, type TypedSchedule } from '../../components/zoned-time';
import { useDocument } from '../../db/hooks';
import { useCollection } from '../../db/useCollection';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { describeActionError, type ActionError } from '../work-orders/useWorkOrderAction';
import { AssignmentSuggestions } from './AssignmentSuggestions';
import { EngineerDayView } from './EngineerDayView';
import { NewWorkOrderChecklist, useNewChecklist } from './NewWorkOrderChecklist';
import { assignTicket, buildWorkOrderFromTicket } from './ticket-drafts';
import { updateTicket } from './update-ticket';

const TWO_HOURS_MS = 2 * 3_600_000;

/**
 * Create a work order from the ticket: pick the engineer from the ranked suggestions, schedule it on
 * the site's clock, adjust its checklist. One submit at a time (useBusy); once created the form
 * starts over and names the new job as its list does, with a link.
 */
export function CreateWorkOrderSection({ ticket, site }: { ticket: Ticket; site: Site | undefined }) {
  const { db } = useSession();
  const engineers = useCollection('users', { role: 'engineer' });
  const workOrders = useCollection('workOrders');
  const tickets = useCollection('tickets');
  const categories = useCollection('categories');
  const sites = useCollection('sites');
  const [assigneeId, setAssigneeId] = useState(ticket.assigneeId ?? '');
  const [kind, setKind] = useState<WorkOrder['kind']>('corrective');
  // Proposed: the next full hour on the site's clock, from when the form opened. Nothing is shown
  // or saved until the site's zone is on the device (zonedSchedule).
  const [openedAt] = useState(() => new Date());
  const [typed, setTyped] = useState<TypedSchedule>({});
  const zone = site?.timezone;
  const proposedStart = nextFullHour(zone, openedAt);
  const schedule = zonedSchedule({ start: proposedStart.toISOString(), end: new Date(proposedStart.getTime() + TWO_HOURS_MS).toISOString() }, typed, zone);
  const category = categories?.find((candidate) => candidate.name === ticket.category);
  const checklist = useNewChecklist(kind, category);
  const [error, setError] = useState<ActionError>();
  const [createdId, setCreatedId] = useState<string>();
  const { busy, guard } = useBusy();

  const ranked = useMemo(() => {
    const priorities = new Map<string, Priority>((tickets ?? []).map((t) => [t.id, t.priority]));
    return rankEngineers({ ticket, site, engineers: engineers ?? [], workOrders: workOrders ?? [], ticketPriorities: priorities, categories: categories ?? [], sites: sites ?? [] });
  }, [ticket, site, engineers, workOrders, tickets, categories, sites]);

  const submit = () =>
    guard(async () => {
      const proposed = schedule.proposed;
      if (!proposed) return;
      try {
        const wo = buildWorkOrderFromTicket(ticket, { assigneeId, kind, scheduledStart: proposed.start, scheduledEnd: proposed.end, checklist: checklist.items }, new Date());
        await saveDocument(db, 'workOrders', wo);
        await updateTicket(db, ticket.id, (current) => assignTicket(current, assigneeId));
        setError(undefined);
        setCreatedId(wo.id);
        // Start over for the next visit: no engineer picked, the default kind, times and steps.
        setAssigneeId('');
        setKind('corrective');
        setTyped({});
        checklist.reset();
      } catch (caught) {
        setError(describeActionError(caught));
      }
    });

  return (
    <section className="card" aria-labelledby="create-wo-title">
      <h2 id="create-wo-title">Create a work order</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <AssignmentSuggestions ranked={ranked} selected={assigneeId} onSelect={setAssigneeId} />
        <FieldError id="wo-assignee-error" message={error?.field === 'assigneeId' ? error.message : undefined} />
        <div className="form-grid">
          <label>
            Kind
            <select value={kind} onChange={(event) => setKind(WORK_ORDER_KINDS.find((value) => value === event.target.value) ?? kind)}>
              {WORK_ORDER_KINDS.map((value) => (
                <option key={value} value={value}>
                  {WORK_ORDER_KIND_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
          <SiteTimeInputs
            start={schedule.inputs.start}
            end={schedule.inputs.end}
            onStart={(value) => setTyped((current) => ({ ...current, start: value }))}
            onEnd={(value) => setTyped((current) => ({ ...current, end: value }))}
            timeZone={zone}
            describedBy={{ start: 'wo-start-error', end: 'wo-end-error' }}
          />
        </div>
        <FieldError id="wo-start-error" message={error?.field === 'scheduledStart' ? error.message : undefined} />
        <FieldError id="wo-end-error" message={error?.field === 'scheduledEnd' ? error.message : undefined} />
        {assigneeId && schedule.proposed && <EngineerDayView engineerId={assigneeId} day={schedule.inputs.start.slice(0, 10)} proposed={schedule.proposed} workOrders={workOrders ?? []} timeZone={zone} />}
        <NewWorkOrderChecklist draft={checklist} kind={kind} category={category} />
        <FieldError id="wo-error" message={error && !['assigneeId', 'scheduledStart', 'scheduledEnd'].includes(error.field) ? error.message : undefined} />
        <button type="submit" disabled={busy || !schedule.ready}>
          Create work order
        </button>
        {createdId && <CreatedNotice id={createdId} />}
      </form>
    </section>
  );
}

/** The new job as the ticket's list shows it: its provisional number until the server numbers it, then the real one. */
function CreatedNotice({ id }: { id: string }) {
  const wo = useDocument('workOrders', id);
  const engineer = useDocument('users', wo?.assigneeId);
  if (!wo) return null;
  return (
    <p role="status" data-testid="wo-created">
      Work order <Link to={`/work-orders/${id}`}>{shownNumber(wo.number)}</Link> created and assigned{engineer ? ` to ${engineer.fullName}` : ''}.
    </p>
  );
}
