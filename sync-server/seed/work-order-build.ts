import type { WorkOrder } from '@shared/schemas/work-order';
import { WORK_ORDER_KINDS } from '@shared/schemas/work-order';
import { type CategoryName, siteId, siteInfo } from './demo-reference';
import type { Random } from './prng';
import { iso, MINUTE_MS, stamps } from './seed-context';
import { CHECKLISTS, PARTS, READINGS, WORK_NOTES } from './work-templates';
import type { WorkOrderPlan } from './work-order-plans';

export type WorkOrderKind = (typeof WORK_ORDER_KINDS)[number];

/** When the engineer actually travelled, arrived, worked, paused or finished (all ≤ the base time). */
export type Execution = { travelMs: number; arriveMs: number; workMs: number; endMs: number; holdMs: number; cancelMs: number };

/** A plan with everything needed to write the document. */
export type WorkOrderDraft = WorkOrderPlan & {
  kind: WorkOrderKind;
  category: CategoryName;
  assetId?: string;
  ticketId?: string;
  resolution?: string;
  createdMs: number;
  exec: Execution;
};

const KIND_RESOLUTIONS: Record<WorkOrderKind, readonly string[]> = {
  corrective: ['Fault repaired and equipment returned to service.'],
  preventive: ['Planned maintenance completed; no defects found.', 'Planned maintenance completed; minor wear noted for the next visit.'],
  inspection: ['Inspection completed; condition good.', 'Inspection completed; two minor defects recorded for follow-up.'],
  installation: ['Installed, commissioned and handed over to the site manager.'],
};

/** Realistic times around the schedule, capped at the base time so nothing happens in the future. */
export function planExecution(rng: Random, plan: WorkOrderPlan, baseMs: number): Execution {
  const cap = (ms: number) => Math.min(ms, baseMs);
  const travelMs = cap(plan.startMs - rng.int(15, 40) * MINUTE_MS);
  const arriveMs = cap(plan.startMs + rng.int(0, 10) * MINUTE_MS);
  const workMs = cap(arriveMs + rng.int(5, 15) * MINUTE_MS);
  return {
    travelMs,
    arriveMs,
    workMs,
    endMs: cap(Math.max(workMs + 30 * MINUTE_MS, plan.endMs + rng.int(-20, 20) * MINUTE_MS)),
    holdMs: cap(workMs + rng.int(45, 90) * MINUTE_MS),
    cancelMs: cap(plan.startMs - rng.int(60, 240) * MINUTE_MS),
  };
}

export function buildWorkOrder(rng: Random, draft: WorkOrderDraft, id: string, number: string): WorkOrder {
  const arrived = ['on_site', 'in_progress', 'on_hold', 'completed'].includes(draft.status);
  const completed = draft.status === 'completed';
  return {
    id,
    type: 'workOrder',
    number,
    ...(draft.ticketId ? { ticketId: draft.ticketId } : {}),
    siteId: siteId(draft.siteKey),
    ...(draft.assetId ? { assetId: draft.assetId } : {}),
    assigneeId: draft.assigneeId,
    kind: draft.kind,
    status: draft.status,
    scheduledStart: iso(draft.startMs),
    scheduledEnd: iso(draft.endMs),
    checklist: buildChecklist(rng, draft, id),
    parts: buildParts(rng, draft, id),
    timeLogs: buildTimeLogs(draft, id),
    notes: buildNotes(rng, draft, id),
    photos: [],
    ...(arrived ? { checkIn: checkInAt(rng, draft) } : {}),
    ...(completed ? { resolution: draft.resolution ?? rng.pick(KIND_RESOLUTIONS[draft.kind]), completedAt: iso(draft.exec.endMs) } : {}),
    ...stamps(draft.createdMs, lastChangeMs(draft)),
  };
}

/** The time of the latest event the status implies: that is when the document was last written. */
export function lastChangeMs(draft: Pick<WorkOrderDraft, 'status' | 'exec' | 'createdMs'>): number {
  const { exec } = draft;
  const byStatus: Record<WorkOrderDraft['status'], number> = {
    scheduled: draft.createdMs,
    en_route: exec.travelMs,
    on_site: exec.arriveMs,
    in_progress: exec.workMs,
    on_hold: exec.holdMs,
    completed: exec.endMs,
    cancelled: exec.cancelMs,
  };
  return Math.max(draft.createdMs, byStatus[draft.status]);
}

function doneCount(status: WorkOrderDraft['status'], total: number): number {
  if (status === 'completed') return total;
  if (status === 'in_progress' || status === 'on_hold') return Math.max(1, Math.floor(total / 2));
  return status === 'on_site' ? 1 : 0;
}

function buildChecklist(rng: Random, draft: WorkOrderDraft, id: string): WorkOrder['checklist'] {
  const template = CHECKLISTS[draft.kind];
  const count = rng.int(3, Math.min(6, template.length));
  // Keep the template's order: a checklist reads top to bottom.
  const picked = rng.sample(template.map((_, index) => index), count).sort((a, b) => a - b);
  const done = doneCount(draft.status, count);
  const stepMs = Math.max(MINUTE_MS, Math.floor((doneUntil(draft) - draft.exec.arriveMs) / (done + 1)));
  return picked.map((templateIndex, n) => {
    const label = template[templateIndex] ?? 'Check equipment';
    const item = { id: `${id}-c${n + 1}`, label, done: n < done };
    if (!item.done) return item;
    const reading = /reading/i.test(label) ? { value: rng.pick(READINGS) } : {};
    return { ...item, doneBy: draft.assigneeId, doneAt: iso(draft.exec.arriveMs + stepMs * (n + 1)), ...reading };
  });
}

/** Checklist ticks happen between arrival and the last moment the engineer was working. */
function doneUntil(draft: WorkOrderDraft): number {
  if (draft.status === 'completed') return draft.exec.endMs;
  if (draft.status === 'on_hold') return draft.exec.holdMs;
  return Math.max(draft.exec.arriveMs + MINUTE_MS, draft.exec.workMs);
}

function buildParts(rng: Random, draft: WorkOrderDraft, id: string): WorkOrder['parts'] {
  const chance = draft.status === 'completed' ? 0.7 : draft.status === 'in_progress' || draft.status === 'on_hold' ? 0.4 : 0;
  if (!rng.chance(chance)) return [];
  return rng.sample(PARTS[draft.category], rng.int(1, 3)).map(([partNo, description], n) => ({
    id: `${id}-p${n + 1}`,
    partNo,
    description,
    qty: rng.int(1, 4),
  }));
}

function buildTimeLogs(draft: WorkOrderDraft, id: string): WorkOrder['timeLogs'] {
  const { exec, assigneeId: by } = draft;
  const travel = { id: `${id}-t1`, kind: 'travel' as const, start: iso(exec.travelMs), by };
  const travelled = { ...travel, end: iso(exec.arriveMs) };
  const work = { id: `${id}-t2`, kind: 'work' as const, start: iso(exec.workMs), by };
  switch (draft.status) {
    case 'en_route':
      return [travel];
    case 'on_site':
      return [travelled];
    case 'in_progress':
      return [travelled, work];
    case 'on_hold':
      return [travelled, { ...work, end: iso(exec.holdMs) }];
    case 'completed':
      return [travelled, { ...work, end: iso(exec.endMs) }];
    default:
      return [];
  }
}

function buildNotes(rng: Random, draft: WorkOrderDraft, id: string): WorkOrder['notes'] {
  const { exec, assigneeId: by } = draft;
  if (draft.status === 'on_hold') {
    return [{ id: `${id}-n1`, at: iso(exec.holdMs), by, text: 'On hold: waiting for a replacement part; ordered from the wholesaler.' }];
  }
  const count = draft.status === 'completed' ? rng.int(0, 2) : draft.status === 'in_progress' ? rng.int(0, 1) : 0;
  const spanMs = Math.max(MINUTE_MS, lastChangeMs(draft) - exec.arriveMs);
  return rng.sample(WORK_NOTES, count).map((text, n) => ({
    id: `${id}-n${n + 1}`,
    at: iso(exec.arriveMs + Math.floor((spanMs * (n + 1)) / (count + 1))),
    by,
    text,
  }));
}

/** Phone GPS at arrival: within a few tens of metres of the site's pin. */
function checkInAt(rng: Random, draft: WorkOrderDraft): WorkOrder['checkIn'] {
  const site = siteInfo(draft.siteKey);
  const jitter = () => (rng.next() - 0.5) * 0.0006;
  return {
    lat: Math.round((site.lat + jitter()) * 1e6) / 1e6,
    lng: Math.round((site.lng + jitter()) * 1e6) / 1e6,
    accuracy: rng.int(4, 35),
    at: iso(draft.exec.arriveMs),
  };
}
