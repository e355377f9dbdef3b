import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import type { WorkOrder } from '@shared/schemas/work-order';
import { formatDuration, formatTime } from '../../components/format';
import { shownNumber } from '../../components/labels';
import { EngineerDayView } from '../tickets/EngineerDayView';
import { deviceZone, instantAt, timeOfDay, zoneLabel } from './board-day';
import { PersonOptions } from '../../components/ReferenceOptions';

type Props = {
  wo: WorkOrder;
  day: string;
  timeZone?: string;
  engineers: readonly User[];
  site?: Site;
  dayJobs: readonly WorkOrder[];
  /** Resolves with a refusal or error to show, or undefined once moved. */
  onMove: (wo: WorkOrder, engineerId: string, start: number) => Promise<string | undefined>;
  onClose: () => void;
};

/**
 * The keyboard's way to move a job (and the only one on a touch screen): an engineer and a start on
 * the board's day and clock, the duration kept, with the chosen engineer's day and its overlaps
 * (EngineerDayView, as the work order page shows). A native modal dialog: focus stays inside,
 * Escape closes it.
 */
export function MoveDialog({ wo, day, timeZone, engineers, site, dayJobs, onMove, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const duration = Date.parse(wo.scheduledEnd) - Date.parse(wo.scheduledStart);
  const [engineerId, setEngineerId] = useState(wo.assigneeId);
  const [time, setTime] = useState(() => timeOfDay(Date.parse(wo.scheduledStart), timeZone));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const start = instantAt(day, time, timeZone);
  const proposed = start === undefined ? undefined : { start: new Date(start).toISOString(), end: new Date(start + duration).toISOString() };
  const assigneeListed = engineers.some((engineer) => engineer.id === wo.assigneeId);
  const siteZone = site?.timezone;
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (start === undefined) return setError('Give a start time, e.g. 09:30.');
    setBusy(true);
    const refusal = await onMove(wo, engineerId, start);
    setBusy(false);
    if (refusal) setError(refusal);
    else onClose();
  }

  return (
    <dialog ref={dialog} className="dialog move-dialog" aria-labelledby="move-title" onClose={onClose} data-testid="move-dialog">
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <h2 id="move-title">Move {shownNumber(wo.number)}</h2>
        <label>
          Engineer
          <select value={engineerId} onChange={(event) => setEngineerId(event.target.value)}>
            {!assigneeListed && <option value={wo.assigneeId}>Current engineer (not active)</option>}
            <PersonOptions people={engineers} />
          </select>
        </label>
        <label>
          Start ({zoneLabel(start ?? Date.parse(wo.scheduledStart), timeZone)}, on {day})
          <input type="time" step={900} value={time} onChange={(event) => setTime(event.target.value)} aria-describedby="move-hint" required />
        </label>
        <p id="move-hint" className="hint">
          Takes {formatDuration(duration)}, as before
          {proposed && siteZone && siteZone !== (timeZone ?? deviceZone()) && ` · ${formatTime(proposed.start, siteZone)}–${formatTime(proposed.end, siteZone)} on the site's clock (${siteZone})`}.
        </p>
        {proposed && <EngineerDayView engineerId={engineerId} day={day} proposed={proposed} workOrders={dayJobs} timeZone={timeZone} proposedLabel={`${shownNumber(wo.number)} (this job)`} exceptId={wo.id} />}
        {error && (
          <p className="field-error" role="alert" data-testid="move-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="submit" className="primary" disabled={busy}>
            Move job
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
