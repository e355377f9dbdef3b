import fc from 'fast-check';
import { nextStatuses, WORK_ORDER_MACHINE } from '@shared/domain/state-machine';
import type { Role } from '@shared/schemas/common';
import { WORK_ORDER_KINDS, type WorkOrder } from '@shared/schemas/work-order';
import type { Principal } from '@shared/domain/principal';
import { buildWorkOrder } from './factories';

/**
 * fast-check generators for the merge properties: a base work order and edits of it that a role
 * could really make on a device (legal status moves, append-only lists, its own fields only).
 */
export const ENGINEER: Principal = { id: 'user-eng1', role: 'engineer', siteIds: [] };
export const DISPATCHER: Principal = { id: 'user-dispatch1', role: 'dispatcher', siteIds: [] };
export const ADMIN: Principal = { id: 'user-admin', role: 'admin', siteIds: [] };

const STAMPS = ['2026-03-02T10:00:00.000Z', '2026-03-02T11:30:00.000Z', '2026-03-02T13:15:00.000Z'];

export const baseWorkOrderArb: fc.Arbitrary<WorkOrder> = fc
  .record({
    status: fc.constantFrom('scheduled', 'en_route', 'on_site', 'in_progress', 'on_hold'),
    items: fc.integer({ min: 0, max: 4 }),
    notes: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ status, items, notes }) =>
    buildWorkOrder({
      id: 'wo-prop',
      status,
      assigneeId: ENGINEER.id,
      checklist: Array.from({ length: items }, (_, index) => ({ id: `chk-${index}`, label: `Step ${index}`, done: false })),
      notes: Array.from({ length: notes }, (_, index) => ({ id: `note-b${index}`, at: STAMPS[0] as string, by: DISPATCHER.id, text: `Base note ${index}` })),
    }),
  );

export type Edit = { kind: string; pick: number; text: string; stamp: number };
export const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('status', 'tick', 'note', 'part', 'time', 'checkIn', 'resolution', 'assign', 'schedule', 'label', 'addItem', 'kind'),
  pick: fc.nat({ max: 20 }),
  text: fc.constantFrom('alpha', 'bravo', 'charlie', 'delta'),
  stamp: fc.nat({ max: STAMPS.length - 1 }),
});

/** A sequence of edits by `principal` applied to `base`; `side` keeps new item ids apart between sides. */
export function editsArb(base: WorkOrder, principal: Principal, side: string): fc.Arbitrary<WorkOrder> {
  return fc.array(editArb, { minLength: 0, maxLength: 6 }).map((edits) =>
    edits.reduce((wo, edit, index) => applyEdit(wo, edit, principal, `${side}${index}`), { ...base, updatedAt: `2026-03-02T09:0${side === 'x' ? 1 : 2}:00.000Z` }),
  );
}

const ENGINEER_KINDS = new Set(['status', 'tick', 'note', 'part', 'time', 'checkIn', 'resolution']);

export function applyEdit(wo: WorkOrder, edit: Edit, principal: Principal, uid: string): WorkOrder {
  const role: Role = principal.role;
  if (role === 'engineer' && !ENGINEER_KINDS.has(edit.kind)) return wo;
  const at = STAMPS[edit.stamp] as string;
  switch (edit.kind) {
    case 'status': {
      const options = nextStatuses(WORK_ORDER_MACHINE, wo.status, role);
      const to = options[edit.pick % Math.max(options.length, 1)];
      if (!to) return wo;
      return to === 'completed' ? { ...wo, status: to, resolution: wo.resolution ?? `Fixed ${edit.text}`, completedAt: at } : { ...wo, status: to };
    }
    case 'tick': {
      const item = wo.checklist[edit.pick % Math.max(wo.checklist.length, 1)];
      if (!item) return wo;
      const ticked = item.done ? { id: item.id, label: item.label, done: false } : { ...item, done: true, doneBy: principal.id, doneAt: at };
      return { ...wo, checklist: wo.checklist.map((entry) => (entry.id === item.id ? ticked : entry)) };
    }
    case 'note':
      return { ...wo, notes: [...wo.notes, { id: `note-${uid}`, at, by: principal.id, text: edit.text }] };
    case 'part':
      return { ...wo, parts: [...wo.parts, { id: `part-${uid}`, partNo: `P-${edit.pick}`, description: edit.text, qty: edit.pick + 1 }] };
    case 'time':
      return { ...wo, timeLogs: [...wo.timeLogs, { id: `time-${uid}`, kind: 'work', start: at, by: principal.id }] };
    case 'checkIn':
      return { ...wo, checkIn: { lat: 51 + edit.pick / 100, lng: -0.1, accuracy: 10, at } };
    case 'resolution':
      return { ...wo, resolution: `Resolution ${edit.text}` };
    case 'assign':
      return { ...wo, assigneeId: ['user-eng1', 'user-eng2', 'user-eng3'][edit.pick % 3] as string };
    case 'schedule':
      return { ...wo, scheduledStart: at, scheduledEnd: `2026-03-0${3 + (edit.pick % 5)}T12:00:00.000Z` };
    case 'label': {
      const item = wo.checklist[edit.pick % Math.max(wo.checklist.length, 1)];
      return item ? { ...wo, checklist: wo.checklist.map((entry) => (entry.id === item.id ? { ...entry, label: `Step ${edit.text}` } : entry)) } : wo;
    }
    case 'addItem':
      return { ...wo, checklist: [...wo.checklist, { id: `chk-${uid}`, label: `Added ${edit.text}`, done: false }] };
    case 'kind':
      return { ...wo, kind: WORK_ORDER_KINDS[edit.pick % WORK_ORDER_KINDS.length] ?? wo.kind };
    default:
      return wo;
  }
}
