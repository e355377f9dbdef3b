import { ulid } from 'ulid';
import { explainTransitionRefusal, nextStatuses, WORK_ORDER_MACHINE } from '@shared/domain/state-machine';
import type { Role } from '@shared/schemas/common';
import type { Comment } from '@shared/schemas/misc';
import type { WorkOrder, WorkOrderStatus } from '@shared/schemas/work-order';
import type { FieldProblem } from '../../components/field-problems';

/**
 * What an engineer does to a work order, as pure functions: each takes the current document and
 * returns the next one (the caller saves it with saveDocument). Components stay thin; these are
 * unit-tested. Only execution fields change (ENGINEER_WORK_ORDER_FIELDS), never assignment.
 */

type Actor = { id: string };
export type TimeLog = WorkOrder['timeLogs'][number];
export type TimerKind = TimeLog['kind'];
export type StatusButton = { status: WorkOrderStatus; label: string };

/**
 * Bad input caught before a save, naming the field it belongs to (shown next to that field); a
 * form's checks name all its problems at once (`inputErrorOf`), the first also as `field`.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly problems: readonly FieldProblem[] = [{ field, message }],
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** One InputError naming every problem a form's checks found (at least one). */
export function inputErrorOf(problems: readonly FieldProblem[]): InputError {
  const first = problems[0] ?? { field: '', message: 'Check the form.' };
  return new InputError(first.message, first.field, problems);
}

const iso = (now: Date) => now.toISOString();

export function isTerminal(wo: Pick<WorkOrder, 'status'>): boolean {
  return WORK_ORDER_MACHINE.terminal.includes(wo.status);
}

/**
 * Check-in, timers and the customer's signature record what happened at the site, so only the
 * engineer the job is assigned to records them: a desk user checking in would record the office's
 * position, and a timer started at the desk would bill travel nobody made. The desk may still tick a
 * checklist item or complete the job for an engineer who phones it in.
 */
export function recordsSiteWork(wo: Pick<WorkOrder, 'assigneeId'>, user: Actor): boolean {
  return wo.assigneeId === user.id;
}

/** The button text for moving to `to`; "Resume" reads better than "Start work" after a pause. */
export function statusActionLabel(from: WorkOrderStatus, to: WorkOrderStatus): string {
  if (to === 'in_progress') return from === 'on_hold' ? 'Resume' : 'Start work';
  const labels: Record<WorkOrderStatus, string> = {
    scheduled: 'Back to scheduled',
    en_route: 'En route',
    on_site: 'On site',
    in_progress: 'Start work',
    on_hold: 'On hold',
    completed: 'Complete job',
    cancelled: 'Cancel work order',
  };
  return labels[to];
}

/** Legal next statuses as buttons. `completed` is left out: the completion form asks for a resolution. */
export function statusButtonsFor(wo: Pick<WorkOrder, 'status'>, role: Role): StatusButton[] {
  return nextStatuses(WORK_ORDER_MACHINE, wo.status, role)
    .filter((status) => status !== 'completed')
    .map((status) => ({ status, label: statusActionLabel(wo.status, status) }));
}

export function canComplete(wo: Pick<WorkOrder, 'status'>, role: Role): boolean {
  return nextStatuses(WORK_ORDER_MACHINE, wo.status, role).includes('completed');
}

/** A pause stops the running timer: time on hold is neither travel nor work. */
export function changeStatus(wo: WorkOrder, to: WorkOrderStatus, role: Role, now: Date): WorkOrder {
  const refusal = explainTransitionRefusal(WORK_ORDER_MACHINE, wo.status, to, role);
  if (refusal) throw new InputError(refusal, 'status');
  if (to === 'completed') throw new InputError('Completing a job needs a resolution: use the completion form.', 'resolution');
  const next = { ...wo, status: to };
  return to === 'on_hold' ? stopTimer(next, now) : next;
}

export function completeWorkOrder(wo: WorkOrder, resolution: string, role: Role, now: Date): WorkOrder {
  const text = resolution.trim();
  if (!text) throw new InputError('Describe what you did before completing the job.', 'resolution');
  if (!canComplete(wo, role)) throw new InputError(`A work order that is ${wo.status.replace('_', ' ')} cannot be completed yet.`, 'status');
  return { ...stopTimer(wo, now), status: 'completed', resolution: text, completedAt: iso(now) };
}

export type Schedule = { assigneeId: string; scheduledStart: string; scheduledEnd: string };

/** A schedule as the desk enters it, checked: an engineer, a start, and an end after it (UTC stamps out). */
export function checkedSchedule(input: Schedule): Schedule {
  if (!input.assigneeId) throw new InputError('Pick an engineer.', 'assigneeId');
  const start = Date.parse(input.scheduledStart);
  const end = Date.parse(input.scheduledEnd);
  if (Number.isNaN(start)) throw new InputError('Give a start time.', 'scheduledStart');
  if (Number.isNaN(end) || end <= start) throw new InputError('The end must be after the start.', 'scheduledEnd');
  return { assigneeId: input.assigneeId, scheduledStart: new Date(start).toISOString(), scheduledEnd: new Date(end).toISOString() };
}

/** The desk moves a job to another engineer or time (the engineer owns its execution, not this). */
export function rescheduleWorkOrder(wo: WorkOrder, input: Schedule): WorkOrder {
  return { ...wo, ...checkedSchedule(input) };
}

export function recordCheckIn(wo: WorkOrder, position: { lat: number; lng: number; accuracy: number; at: string }): WorkOrder {
  const { lat, lng, accuracy, at } = position;
  return { ...wo, checkIn: { lat, lng, accuracy: Math.round(accuracy * 10) / 10, at } };
}

/** Ticking records who and when; unticking clears both (a value typed in stays). */
export function toggleChecklistItem(wo: WorkOrder, itemId: string, user: Actor, now: Date): WorkOrder {
  return updateChecklistItem(wo, itemId, (item) => {
    if (item.done) {
      const { doneBy: _doneBy, doneAt: _doneAt, ...rest } = item;
      return { ...rest, done: false };
    }
    return { ...item, done: true, doneBy: user.id, doneAt: iso(now) };
  });
}

/** A reading or value for an item; an empty value removes it. */
export function setChecklistValue(wo: WorkOrder, itemId: string, value: string): WorkOrder {
  const text = value.trim();
  if (text.length > 500) throw new InputError('A value can be at most 500 characters.', `checklist.${itemId}`);
  return updateChecklistItem(wo, itemId, (item) => {
    const { value: _old, ...rest } = item;
    return text ? { ...rest, value: text } : rest;
  });
}

function updateChecklistItem(wo: WorkOrder, itemId: string, change: (item: WorkOrder['checklist'][number]) => WorkOrder['checklist'][number]): WorkOrder {
  if (!wo.checklist.some((item) => item.id === itemId)) throw new InputError('That checklist item no longer exists.', 'checklist');
  return { ...wo, checklist: wo.checklist.map((item) => (item.id === itemId ? change(item) : item)) };
}

export function runningTimer(wo: Pick<WorkOrder, 'timeLogs'>): TimeLog | undefined {
  return wo.timeLogs.find((log) => !log.end);
}

/** One timer at a time: starting one stops whatever is running. */
export function startTimer(wo: WorkOrder, kind: TimerKind, user: Actor, now: Date, id: string = ulid()): WorkOrder {
  const stopped = stopTimer(wo, now);
  return { ...stopped, timeLogs: [...stopped.timeLogs, { id, kind, start: iso(now), by: user.id }] };
}

export function stopTimer(wo: WorkOrder, now: Date): WorkOrder {
  if (!runningTimer(wo)) return wo;
  const end = iso(now);
  // A clock that moved backwards must not produce a negative duration.
  return { ...wo, timeLogs: wo.timeLogs.map((log) => (log.end ? log : { ...log, end: log.start > end ? log.start : end })) };
}

export function timeLogDurationMs(log: TimeLog, now: Date): number {
  const end = log.end ? Date.parse(log.end) : now.getTime();
  return Math.max(0, end - Date.parse(log.start));
}

export function totalTimeMs(wo: Pick<WorkOrder, 'timeLogs'>, now: Date): Record<TimerKind, number> {
  const totals: Record<TimerKind, number> = { travel: 0, work: 0 };
  for (const log of wo.timeLogs) totals[log.kind] += timeLogDurationMs(log, now);
  return totals;
}

/** Notes are append-only: a new one goes at the end, nothing else changes. */
export function addNote(wo: WorkOrder, text: string, user: Actor, now: Date, id: string = ulid()): WorkOrder {
  const body = text.trim();
  if (!body) throw new InputError('Write the note first.', 'note');
  if (body.length > 5000) throw new InputError('A note can be at most 5000 characters.', 'note');
  return { ...wo, notes: [...wo.notes, { id, at: iso(now), by: user.id, text: body }] };
}

export type PartInput = { partNo: string; description: string; qty: string | number };

/** Parts are append-only: a wrong entry is corrected by a note, not by editing the list. */
export function addPart(wo: WorkOrder, input: PartInput, id: string = ulid()): WorkOrder {
  const partNo = input.partNo.trim();
  const description = input.description.trim();
  const qty = typeof input.qty === 'number' ? input.qty : Number(input.qty.trim().replace(',', '.'));
  if (!partNo) throw new InputError('Enter the part number.', 'partNo');
  if (partNo.length > 60) throw new InputError('A part number can be at most 60 characters.', 'partNo');
  if (description.length > 200) throw new InputError('A description can be at most 200 characters.', 'description');
  if (!Number.isFinite(qty) || qty <= 0) throw new InputError('Enter a quantity greater than 0.', 'qty');
  if (qty > 100_000) throw new InputError('That quantity is too large.', 'qty');
  return { ...wo, parts: [...wo.parts, { id, partNo, description, qty }] };
}

export function buildComment(ticketId: string, body: string, user: Actor, now: Date, id: string = ulid()): Comment {
  const text = body.trim();
  if (!text) throw new InputError('Write the comment first.', 'comment');
  if (text.length > 5000) throw new InputError('A comment can be at most 5000 characters.', 'comment');
  const stamp = iso(now);
  return { id, type: 'comment', ticketId, authorId: user.id, body: text, createdAt: stamp, updatedAt: stamp, _deleted: false };
}
