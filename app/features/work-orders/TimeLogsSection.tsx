import type { User } from '@shared/schemas/user';
import type { WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { formatDuration, formatTime } from '../../components/format';
import { useNow } from '../../components/useNow';
import { useSession } from '../../session/SessionContext';
import { useWorkOrderAction } from './useWorkOrderAction';
import { isTerminal, runningTimer, startTimer, stopTimer, timeLogDurationMs, totalTimeMs, type TimerKind } from './work-order-actions';

type Props = { wo: WorkOrder; users: ReadonlyMap<string, User>; timeZone?: string; readOnly: boolean };

const KIND_LABELS: Record<TimerKind, string> = { travel: 'Travel', work: 'Work' };

/** Travel and work timers; one runs at a time, so starting one stops the other. */
export function TimeLogsSection({ wo, users, timeZone, readOnly }: Props) {
  const { user } = useSession();
  const { run, error, busy } = useWorkOrderAction(wo.id);
  const now = useNow(15_000);
  const running = runningTimer(wo);
  const totals = totalTimeMs(wo, now);
  const locked = isTerminal(wo) || readOnly;

  return (
    <section className="card">
      <h2 id="time-title">Time</h2>
      <p className="timer-state" role="status" data-testid="timer-state" data-running={running?.kind ?? 'none'}>
        {running
          ? `${KIND_LABELS[running.kind]} timer running since ${formatTime(running.start, timeZone)} (${formatDuration(timeLogDurationMs(running, now))})`
          : 'No timer running'}
      </p>
      {!locked && (
        <div className="button-row">
          <button type="button" disabled={busy || running?.kind === 'travel'} onClick={() => void run((current, at) => startTimer(current, 'travel', user, at))}>
            Start travel
          </button>
          <button type="button" disabled={busy || running?.kind === 'work'} onClick={() => void run((current, at) => startTimer(current, 'work', user, at))}>
            Start work timer
          </button>
          <button type="button" className="danger" disabled={busy || !running} onClick={() => void run((current, at) => stopTimer(current, at))}>
            Stop timer
          </button>
        </div>
      )}
      <FieldError id="time-error" message={error?.message} />
      <p>
        Travel <strong>{formatDuration(totals.travel)}</strong> · Work <strong>{formatDuration(totals.work)}</strong>
      </p>
      {wo.timeLogs.length > 0 && (
        <ul className="plain-list">
          {wo.timeLogs.map((log) => (
            <li key={log.id} data-testid="time-log">
              <strong>{KIND_LABELS[log.kind]}</strong> {formatTime(log.start, timeZone)}–{log.end ? formatTime(log.end, timeZone) : 'now'} ·{' '}
              {formatDuration(timeLogDurationMs(log, now))}
              {log.by !== user.id && <span className="muted"> · {users.get(log.by)?.fullName ?? 'another user'}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
