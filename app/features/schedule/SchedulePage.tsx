import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { WorkOrder } from '@shared/schemas/work-order';
import { formatDay, formatTime } from '../../components/format';
import { shownNumber, WORK_ORDER_KIND_LABELS } from '../../components/labels';
import { slaBadgeWords } from '../../components/sla-text';
import { useNow } from '../../components/useNow';
import { useFirstScreenShown } from '../../session/first-screen';
import { useSession } from '../../session/SessionContext';
import { describeActionError } from '../work-orders/useWorkOrderAction';
import { moveRefusal, reassignWorkOrder } from '../work-orders/reassign-work-order';
import type { BoardJob } from './BoardBlock';
import { dayOf, dayWindow, deviceZone, parseBoardParams } from './board-day';
import { BoardToolbar } from './BoardToolbar';
import { MoveDialog } from './MoveDialog';
import { NeedsSlotList } from './NeedsSlotList';
import { ScheduleBoard } from './ScheduleBoard';
import { useBoardData } from './useBoardData';
import './schedule.css';

type Message = { kind: 'done' | 'refused'; text: string };
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The dispatcher's schedule board: one day, a row per active engineer, their jobs on a time axis;
 * drag a job (or press M on it) to give it another time or engineer. Every move is an ordinary
 * synced edit on this device (reassignWorkOrder), so it works offline and meets the usual merge.
 */
export function SchedulePage() {
  const { user, db } = useSession();
  const [params, setParams] = useSearchParams();
  const { day: dayParam, tz: timeZone } = parseBoardParams(params);
  const now = useNow(30_000);
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  const today = dayOf(now, timeZone);
  const day = dayParam ?? today;
  const range = useMemo(() => dayWindow(day, timeZone), [day, timeZone]);
  const axis = useMemo(() => ({ start: range.axisStart, end: range.axisEnd }), [range]);
  const data = useBoardData(range, minute);
  const [selectedId, setSelectedId] = useState<string>();
  const [moving, setMoving] = useState<WorkOrder>();
  const [message, setMessage] = useState<Message>();
  useFirstScreenShown(data.jobs !== undefined);

  const titleOf = useCallback(
    (wo: WorkOrder) => (wo.ticketId ? data.tickets.get(wo.ticketId)?.title : undefined) ?? (wo.assetId ? data.assets.get(wo.assetId)?.name : undefined) ?? WORK_ORDER_KIND_LABELS[wo.kind],
    [data.tickets, data.assets],
  );
  const jobs: BoardJob[] = useMemo(
    () =>
      (data.jobs ?? []).map((wo) => {
        const ticket = wo.ticketId ? data.tickets.get(wo.ticketId) : undefined;
        const sla = ticket ? slaBadgeWords(ticket, new Date(minute)) : undefined;
        const start = Date.parse(wo.scheduledStart);
        return { id: wo.id, start, end: Date.parse(wo.scheduledEnd), wo, siteCode: data.sites.get(wo.siteId)?.code ?? 'site', title: titleOf(wo), sla: sla && { state: sla.state, label: sla.label } };
      }),
    [data.jobs, data.tickets, data.sites, titleOf, minute],
  );
  const siteZones = useMemo(() => {
    const codes = new Map<string, string[]>();
    for (const site of data.sites.values()) codes.set(site.timezone, [...(codes.get(site.timezone) ?? []), site.code]);
    return [...codes].map(([zone, list]) => ({ zone, codes: list.sort().join(', ') })).sort((a, b) => a.zone.localeCompare(b.zone));
  }, [data.sites]);

  const move = useCallback(
    async (wo: WorkOrder, engineerId: string, start: number): Promise<string | undefined> => {
      const end = start + (Date.parse(wo.scheduledEnd) - Date.parse(wo.scheduledStart));
      const schedule = { assigneeId: engineerId, scheduledStart: iso(start), scheduledEnd: iso(end) };
      const refusal = moveRefusal(wo, user, schedule);
      if (refusal) return refusal;
      if (engineerId === wo.assigneeId && start === Date.parse(wo.scheduledStart)) return undefined;
      try {
        await reassignWorkOrder(db, user, wo.id, schedule);
      } catch (caught) {
        return describeActionError(caught).message;
      }
      const who = data.people.get(engineerId)?.fullName ?? 'the engineer';
      const when = `${formatTime(schedule.scheduledStart, timeZone)}–${formatTime(schedule.scheduledEnd, timeZone)}`;
      setMessage({ kind: 'done', text: `Moved ${shownNumber(wo.number)} to ${who}, ${formatDay(schedule.scheduledStart, timeZone)} ${when}. Saved on this device; it syncs to the server and to the engineer.` });
      return undefined;
    },
    [db, user, data.people, timeZone],
  );
  const onDrop = useCallback(
    (id: string, engineerId: string, start: number) => {
      const wo = data.jobs?.find((job) => job.id === id);
      if (!wo) return;
      void move(wo, engineerId, start).then((refusal) => refusal && setMessage({ kind: 'refused', text: refusal }));
    },
    [data.jobs, move],
  );
  const openMove = useCallback(
    (id: string) => {
      const wo = data.jobs?.find((job) => job.id === id);
      if (!wo) return;
      const refusal = moveRefusal(wo, user, { assigneeId: wo.assigneeId, scheduledStart: wo.scheduledStart, scheduledEnd: wo.scheduledEnd });
      if (refusal) setMessage({ kind: 'refused', text: refusal });
      else setMoving(wo);
    },
    [data.jobs, user],
  );
  const setUrl = (next: { day?: string; tz?: string }) => {
    const search = new URLSearchParams();
    if (next.day && next.day !== dayOf(now, next.tz)) search.set('day', next.day);
    if (next.tz) search.set('tz', next.tz);
    setParams(search);
  };
  const selected = jobs.find((job) => job.id === selectedId);

  return (
    <div className="desk schedule">
      <div className="desk__title">
        <h1>
          Schedule <span className="count">{formatDay(iso(range.start + 12 * 3_600_000), timeZone)}</span>
        </h1>
      </div>
      <BoardToolbar day={day} today={today} timeZone={timeZone} deviceZone={deviceZone()} siteZones={siteZones} onDay={(next) => setUrl({ day: next, tz: timeZone })} onZone={(tz) => setUrl({ day, tz })} />
      <p className="hint">Drag a job to another time or engineer (15-minute steps, its length kept), or focus it and press M to move it from the keyboard. Enter or a click opens it.</p>
      {user.role !== 'dispatcher' && user.role !== 'admin' && <p className="warning-text">Only dispatchers and admins move jobs; this board shows the jobs on this device.</p>}
      <div className="schedule__message" role="status" aria-live="polite" data-testid="board-message" data-kind={message?.kind}>
        {message && <p className={message.kind === 'refused' ? 'field-error' : undefined}>{message.text}</p>}
      </div>
      {selected && (
        <div className="schedule__selected" data-testid="selected-job">
          <span>
            Selected: <strong>{shownNumber(selected.wo.number)}</strong> · {selected.siteCode} · {formatTime(iso(selected.start), timeZone)}–{formatTime(iso(selected.end), timeZone)}
          </span>
          <button type="button" onClick={() => openMove(selected.id)}>
            Move…
          </button>
        </div>
      )}
      <div className="schedule__layout">
        <div className="schedule__board">
          {data.jobs === undefined ? (
            <p className="page-message" role="status">
              Loading the day…
            </p>
          ) : (
            <ScheduleBoard axis={axis} timeZone={timeZone} engineers={data.engineers} jobs={jobs} sites={data.sites} now={now.getTime()} selectedId={selectedId} onSelect={setSelectedId} onMoveKey={openMove} onDrop={onDrop} />
          )}
        </div>
        <NeedsSlotList needsSlot={data.needsSlot} newTickets={data.newTickets} newTicketCount={data.newTicketCount} sites={data.sites} people={data.people} titleOf={titleOf} timeZone={timeZone} onSchedule={setMoving} />
      </div>
      {moving && (
        <MoveDialog wo={moving} day={day} timeZone={timeZone} engineers={data.engineers} site={data.sites.get(moving.siteId)} dayJobs={data.jobs ?? []} onMove={move} onClose={() => setMoving(undefined)} />
      )}
    </div>
  );
}
