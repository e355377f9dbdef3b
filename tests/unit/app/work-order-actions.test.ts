import { describe, expect, it } from 'vitest';
import { WorkOrderSchema } from '@shared/schemas/work-order';
import {
  addNote,
  addPart,
  buildComment,
  canComplete,
  changeStatus,
  completeWorkOrder,
  InputError,
  recordCheckIn,
  rescheduleWorkOrder,
  runningTimer,
  setChecklistValue,
  startTimer,
  statusButtonsFor,
  stopTimer,
  toggleChecklistItem,
  totalTimeMs,
} from '@app/features/work-orders/work-order-actions';
import { CommentSchema } from '@shared/schemas/misc';
import { buildWorkOrder } from '../../helpers/factories';

const engineer = { id: 'user-eng1' };
const at = (time: string) => new Date(`2026-03-02T${time}:00.000Z`);
const valid = (wo: unknown) => WorkOrderSchema.parse(wo);

describe('status buttons', () => {
  it('offer only the legal moves for the role, without completion (the form does that)', () => {
    expect(statusButtonsFor(buildWorkOrder({ status: 'scheduled' }), 'engineer')).toEqual([
      { status: 'en_route', label: 'En route' },
      { status: 'on_site', label: 'On site' },
      { status: 'on_hold', label: 'On hold' },
    ]);
    expect(statusButtonsFor(buildWorkOrder({ status: 'on_site' }), 'engineer').map((b) => b.label)).toEqual(['Start work', 'On hold']);
    expect(statusButtonsFor(buildWorkOrder({ status: 'on_hold' }), 'engineer').map((b) => b.label)).toEqual(['En route', 'On site', 'Resume']);
    expect(statusButtonsFor(buildWorkOrder({ status: 'completed' }), 'engineer')).toEqual([]);
  });

  it('let the desk cancel but never an engineer', () => {
    expect(statusButtonsFor(buildWorkOrder({ status: 'scheduled' }), 'dispatcher').map((b) => b.status)).toContain('cancelled');
    expect(statusButtonsFor(buildWorkOrder({ status: 'scheduled' }), 'engineer').map((b) => b.status)).not.toContain('cancelled');
  });

  it('refuse an illegal move with a clear error, and completion without a resolution', () => {
    const wo = buildWorkOrder({ status: 'scheduled' });
    expect(() => changeStatus(wo, 'in_progress', 'engineer', at('09:00'))).toThrow(/cannot go from scheduled to in_progress/);
    expect(() => changeStatus({ ...wo, status: 'on_site' }, 'completed', 'engineer', at('09:00'))).toThrow(InputError);
    expect(changeStatus(wo, 'en_route', 'engineer', at('09:00')).status).toBe('en_route');
  });

  it('going on hold stops the running timer', () => {
    const running = startTimer(buildWorkOrder({ status: 'in_progress' }), 'work', engineer, at('09:00'), 't1');
    const held = changeStatus(running, 'on_hold', 'engineer', at('09:30'));
    expect(held.status).toBe('on_hold');
    expect(runningTimer(held)).toBeUndefined();
    expect(held.timeLogs[0]?.end).toBe(at('09:30').toISOString());
  });
});

describe('checklist', () => {
  it('ticking records who and when; unticking clears both and keeps the value', () => {
    const wo = setChecklistValue(buildWorkOrder(), 'chk-2', ' 17.5 bar ');
    const ticked = toggleChecklistItem(wo, 'chk-2', engineer, at('10:00'));
    expect(ticked.checklist[1]).toEqual({ id: 'chk-2', label: 'Read discharge pressure', done: true, doneBy: 'user-eng1', doneAt: at('10:00').toISOString(), value: '17.5 bar' });
    expect(ticked.checklist[0]).toBe(wo.checklist[0]);
    const unticked = toggleChecklistItem(ticked, 'chk-2', engineer, at('10:05'));
    expect(unticked.checklist[1]).toEqual({ id: 'chk-2', label: 'Read discharge pressure', done: false, value: '17.5 bar' });
    valid(unticked);
  });

  it('an empty value removes it; an unknown item is refused', () => {
    const wo = setChecklistValue(setChecklistValue(buildWorkOrder(), 'chk-1', 'x'), 'chk-1', '  ');
    expect(wo.checklist[0]).not.toHaveProperty('value');
    expect(() => toggleChecklistItem(wo, 'nope', engineer, at('10:00'))).toThrow(InputError);
  });
});

describe('time logs', () => {
  it('one timer at a time: starting work stops travel', () => {
    const travelling = startTimer(buildWorkOrder(), 'travel', engineer, at('08:30'), 't1');
    expect(runningTimer(travelling)).toMatchObject({ id: 't1', kind: 'travel', by: 'user-eng1' });
    const working = startTimer(travelling, 'work', engineer, at('09:00'), 't2');
    expect(working.timeLogs).toEqual([
      { id: 't1', kind: 'travel', start: at('08:30').toISOString(), end: at('09:00').toISOString(), by: 'user-eng1' },
      { id: 't2', kind: 'work', start: at('09:00').toISOString(), by: 'user-eng1' },
    ]);
    expect(working.timeLogs.filter((log) => !log.end)).toHaveLength(1);
    valid(working);
  });

  it('stopping ends the running timer; stopping with none running changes nothing', () => {
    const stopped = stopTimer(startTimer(buildWorkOrder(), 'work', engineer, at('09:00'), 't1'), at('10:15'));
    expect(runningTimer(stopped)).toBeUndefined();
    expect(stopTimer(stopped, at('11:00'))).toBe(stopped);
  });

  it('a clock that went backwards never makes a negative duration', () => {
    const stopped = stopTimer(startTimer(buildWorkOrder(), 'work', engineer, at('09:00'), 't1'), at('08:00'));
    expect(stopped.timeLogs[0]?.end).toBe(at('09:00').toISOString());
  });

  it('totals travel and work, counting a running timer up to now', () => {
    let wo = startTimer(buildWorkOrder(), 'travel', engineer, at('08:30'), 't1');
    wo = startTimer(wo, 'work', engineer, at('09:00'), 't2');
    expect(totalTimeMs(wo, at('09:45'))).toEqual({ travel: 30 * 60_000, work: 45 * 60_000 });
  });
});

describe('notes and parts are append-only', () => {
  it('a note is trimmed and appended with author and time', () => {
    const wo = addNote(buildWorkOrder({ notes: [{ id: 'n0', at: at('08:00').toISOString(), by: 'x', text: 'first' }] }), '  Valve replaced \n', engineer, at('10:00'), 'n1');
    expect(wo.notes).toEqual([
      { id: 'n0', at: at('08:00').toISOString(), by: 'x', text: 'first' },
      { id: 'n1', at: at('10:00').toISOString(), by: 'user-eng1', text: 'Valve replaced' },
    ]);
    expect(() => addNote(wo, '   ', engineer, at('10:00'))).toThrow(expect.objectContaining({ field: 'note' }));
  });

  it('a part needs a part number and a positive quantity', () => {
    const wo = addPart(buildWorkOrder(), { partNo: ' FLT-G4-592 ', description: 'Panel filter', qty: '2,5' }, 'p1');
    expect(wo.parts).toEqual([{ id: 'p1', partNo: 'FLT-G4-592', description: 'Panel filter', qty: 2.5 }]);
    valid(wo);
    expect(() => addPart(wo, { partNo: '', description: '', qty: '1' })).toThrow(expect.objectContaining({ field: 'partNo' }));
    expect(() => addPart(wo, { partNo: 'X', description: '', qty: '0' })).toThrow(expect.objectContaining({ field: 'qty' }));
    expect(() => addPart(wo, { partNo: 'X', description: '', qty: 'abc' })).toThrow(expect.objectContaining({ field: 'qty' }));
  });
});

describe('completion', () => {
  it('needs a resolution and a status from which completion is legal', () => {
    expect(canComplete(buildWorkOrder({ status: 'scheduled' }), 'engineer')).toBe(false);
    expect(canComplete(buildWorkOrder({ status: 'on_site' }), 'engineer')).toBe(true);
    expect(() => completeWorkOrder(buildWorkOrder({ status: 'on_site' }), '  ', 'engineer', at('11:00'))).toThrow(expect.objectContaining({ field: 'resolution' }));
    expect(() => completeWorkOrder(buildWorkOrder({ status: 'scheduled' }), 'Done', 'engineer', at('11:00'))).toThrow(expect.objectContaining({ field: 'status' }));
  });

  it('sets status, resolution and completedAt, and stops the running timer', () => {
    const working = startTimer(buildWorkOrder({ status: 'in_progress' }), 'work', engineer, at('09:00'), 't1');
    const done = completeWorkOrder(working, ' Replaced the actuator. ', 'engineer', at('11:00'));
    expect(done).toMatchObject({ status: 'completed', resolution: 'Replaced the actuator.', completedAt: at('11:00').toISOString() });
    expect(runningTimer(done)).toBeUndefined();
    valid(done);
  });
});

describe('check-in and comments', () => {
  it('records the position with its accuracy', () => {
    const wo = recordCheckIn(buildWorkOrder(), { lat: 51.5, lng: -0.02, accuracy: 12.345, at: at('09:00').toISOString() });
    expect(wo.checkIn).toEqual({ lat: 51.5, lng: -0.02, accuracy: 12.3, at: at('09:00').toISOString() });
    valid(wo);
  });

  it('builds a schema-valid comment by the user', () => {
    const comment = buildComment('tck-a', ' On my way ', engineer, at('09:00'), 'c1');
    expect(CommentSchema.parse(comment)).toMatchObject({ id: 'c1', ticketId: 'tck-a', authorId: 'user-eng1', body: 'On my way' });
    expect(() => buildComment('tck-a', '', engineer, at('09:00'))).toThrow(expect.objectContaining({ field: 'comment' }));
  });
});

describe('the desk moves a job', () => {
  const wo = WorkOrderSchema.parse(buildWorkOrder({ id: 'wo-move', assigneeId: 'user-eng1' }));

  it('to another engineer and time, keeping the engineer’s work', () => {
    const moved = rescheduleWorkOrder({ ...wo, notes: [{ id: 'n1', at: wo.createdAt, by: 'user-eng1', text: 'Parts ordered' }] }, { assigneeId: 'user-eng2', scheduledStart: '2026-12-07T09:00:00.000Z', scheduledEnd: '2026-12-07T10:30:00+00:00' });
    expect(moved).toMatchObject({ assigneeId: 'user-eng2', scheduledStart: '2026-12-07T09:00:00.000Z', scheduledEnd: '2026-12-07T10:30:00.000Z', notes: [{ id: 'n1' }] });
    expect(WorkOrderSchema.safeParse(moved).success).toBe(true);
  });

  it('refuses no engineer, no start, or an end not after the start, naming the field', () => {
    const at = { scheduledStart: '2026-12-07T09:00:00.000Z', scheduledEnd: '2026-12-07T10:00:00.000Z' };
    const fieldOf = (input: Parameters<typeof rescheduleWorkOrder>[1]) => {
      try {
        rescheduleWorkOrder(wo, input);
        return 'accepted';
      } catch (error) {
        return error instanceof InputError ? error.field : 'other';
      }
    };
    expect(fieldOf({ assigneeId: '', ...at })).toBe('assigneeId');
    expect(fieldOf({ assigneeId: 'user-eng2', ...at, scheduledStart: '' })).toBe('scheduledStart');
    expect(fieldOf({ assigneeId: 'user-eng2', ...at, scheduledEnd: at.scheduledStart })).toBe('scheduledEnd');
  });
});
