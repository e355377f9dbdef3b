import { useState, type FormEvent } from 'react';
import type { WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { SiteTimeInputs } from '../../components/SiteTimeInputs';
import { shownNumber } from '../../components/labels';
import { zonedSchedule, type TypedSchedule } from '../../components/zoned-time';
import { useCollection } from '../../db/useCollection';
import { useSession } from '../../session/SessionContext';
import { EngineerDayView } from '../tickets/EngineerDayView';
import { useWorkOrderAction } from './useWorkOrderAction';
import { reassignWorkOrder } from './reassign-work-order';
import { isTerminal } from './work-order-actions';
import { PersonOptions } from '../../components/ReferenceOptions';

/**
 * For the desk: who does the job and when, typed on the site's clock. Saved like any edit (offline
 * too); the engineer's device follows, a job moved to someone else leaves the first engineer's, and
 * its ticket follows the job to its new engineer (reassignWorkOrder, as the schedule board does).
 * The times shown are the stored ones on the site's clock until the desk types (so a move synced
 * meanwhile shows too), and an untouched time is saved as stored (zonedSchedule).
 */
export function ScheduleSection({ wo, timeZone }: { wo: WorkOrder; timeZone: string | undefined }) {
  const { user } = useSession();
  const engineers = useCollection('users', { role: 'engineer' });
  const workOrders = useCollection('workOrders');
  const { perform, error, busy } = useWorkOrderAction(wo.id);
  const [assigneeId, setAssigneeId] = useState(wo.assigneeId);
  const [typed, setTyped] = useState<TypedSchedule>({});
  const [saved, setSaved] = useState(false);
  if ((user.role !== 'dispatcher' && user.role !== 'admin') || isTerminal(wo)) return null;

  const schedule = zonedSchedule({ start: wo.scheduledStart, end: wo.scheduledEnd }, typed, timeZone);
  const { start, end } = schedule.inputs;
  const choices = (engineers ?? []).filter((engineer) => engineer.active || engineer.id === wo.assigneeId).sort((a, b) => a.fullName.localeCompare(b.fullName));
  const errorFor = (field: string) => <FieldError id={`schedule-${field}-error`} message={error?.field === field ? error.message : undefined} />;
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const proposed = schedule.proposed;
    if (!proposed) return;
    const done = await perform((db) => reassignWorkOrder(db, user, wo.id, { assigneeId, scheduledStart: proposed.start, scheduledEnd: proposed.end }));
    setSaved(done);
    // Saved: the inputs show the stored times again (and follow later moves).
    if (done) setTyped({});
  }

  return (
    <section className="card" aria-labelledby="schedule-title">
      <h2 id="schedule-title">Assignment and schedule</h2>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <label>
          Engineer
          <select value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)} aria-describedby="schedule-assigneeId-error">
            <PersonOptions people={choices} />
          </select>
        </label>
        {errorFor('assigneeId')}
        <div className="form-grid">
          <SiteTimeInputs
            start={start}
            end={end}
            onStart={(value) => setTyped((current) => ({ ...current, start: value }))}
            onEnd={(value) => setTyped((current) => ({ ...current, end: value }))}
            timeZone={timeZone}
            describedBy={{ start: 'schedule-scheduledStart-error', end: 'schedule-scheduledEnd-error' }}
          />
        </div>
        {errorFor('scheduledStart')}
        {errorFor('scheduledEnd')}
        {schedule.proposed && (
          <EngineerDayView engineerId={assigneeId} day={start.slice(0, 10)} proposed={schedule.proposed} workOrders={workOrders ?? []} timeZone={timeZone} proposedLabel={`${shownNumber(wo.number)} (this job)`} exceptId={wo.id} />
        )}
        {errorFor('')}
        <button type="submit" disabled={busy || !schedule.ready}>
          Save assignment and schedule
        </button>
        {saved && <p role="status">Saved; it syncs to the server and to the engineer’s device.</p>}
      </form>
    </section>
  );
}
