import type { ChecklistItem, WorkOrder } from '../schemas/work-order';

/**
 * A work order's checklist: the steps it starts with (templates by kind of work, plus the trade's
 * own checks from the ticket's category), and the desk's edits of it. Pure: the caller supplies
 * item ids (the app's ULIDs) and saves the result.
 *
 * The desk writes the steps (labels), the engineer ticks them and records readings (the merge's
 * per-item ownership in merge/merge-documents.ts). A ticked item is the engineer's record of work
 * done, so nobody removes it: it has to be unticked first (explainChecklistRefusal, checked by the
 * server on every push through permissions.ts).
 */

type Kind = WorkOrder['kind'];

/** The steps every job of a kind goes through, in order. */
export const KIND_CHECKLISTS: Record<Kind, readonly string[]> = {
  corrective: ['Review fault report with site contact', 'Isolate and lock out the equipment', 'Diagnose the root cause', 'Repair or replace the faulty component', 'Test operation under load', 'Return to service and brief the site contact'],
  preventive: ['Visual inspection for damage and leaks', 'Clean and replace consumables', 'Check and tighten connections', 'Record operating readings', 'Lubricate moving parts', 'Update the maintenance log'],
  inspection: ['Check equipment label and tag', 'Inspect condition and record defects', 'Take readings', 'Photograph defects', 'Agree follow-up actions'],
  installation: ['Confirm delivery against the order', 'Position and fix the equipment', 'Connect services', 'Commission and test', 'Label with asset tag', 'Hand over documentation'],
};

/**
 * A trade's own checks, keyed by skill: categories carry the skills their work needs (admins may
 * rename a category, not what its work is), so a renamed "HVAC" still gets the refrigerant check.
 * Added before the kind's last step (returning to service, handing over, agreeing follow-ups).
 */
export const SKILL_CHECKS: Readonly<Record<string, readonly string[]>> = {
  hvac: ['Record supply and return air temperatures', 'Check refrigerant pressures for leaks'],
  electrical: ['Prove dead before work (test the tester)', 'Record insulation resistance'],
  plumbing: ['Isolate the water supply', 'Check for leaks after refilling'],
  'fire-safety': ['Notify the alarm receiving centre before testing', 'Restore the panel to normal and record the test'],
  lifts: ['Place lift out of service and barrier the landings', 'Test the door safety edge and alarm'],
  networking: ['Back up the device configuration', 'Confirm links and monitoring are back up'],
  security: ['Tell the site security team before disarming', 'Test the reader or detector and confirm the system is armed'],
};

/** At most this many items: the work order schema's limit. */
export const MAX_CHECKLIST_ITEMS = 200;
const MAX_LABEL = 200;

/** The labels a new work order of this kind starts with, for a category needing these skills. */
export function defaultChecklistLabels(kind: Kind, skills: readonly string[] = []): string[] {
  const steps = [...KIND_CHECKLISTS[kind]];
  const trade = [...new Set(skills.flatMap((skill) => SKILL_CHECKS[skill.trim().toLowerCase()] ?? []))];
  if (trade.length === 0) return steps;
  const last = steps.pop();
  return [...steps, ...trade, ...(last === undefined ? [] : [last])];
}

/** The default checklist as items, not done; `newId` gives each its id. */
export function buildDefaultChecklist(kind: Kind, skills: readonly string[], newId: () => string): ChecklistItem[] {
  return defaultChecklistLabels(kind, skills).map((label) => ({ id: newId(), label, done: false }));
}

/** Why a checklist edit cannot be made, naming the field the message belongs next to. */
export type ChecklistRefusal = { message: string; field: string };
export type ChecklistEdit = { ok: true; checklist: ChecklistItem[] } | ({ ok: false } & ChecklistRefusal);

function checkedLabel(label: string, field: string): ChecklistRefusal | string {
  const trimmed = label.trim().replace(/\s+/g, ' ');
  if (!trimmed) return { field, message: 'Give the item a name.' };
  if (trimmed.length > MAX_LABEL) return { field, message: `At most ${MAX_LABEL} characters.` };
  return trimmed;
}

export function addChecklistItem(checklist: readonly ChecklistItem[], label: string, id: string): ChecklistEdit {
  const checked = checkedLabel(label, 'newItem');
  if (typeof checked !== 'string') return { ok: false, ...checked };
  if (checklist.length >= MAX_CHECKLIST_ITEMS) return { ok: false, field: 'newItem', message: `A checklist holds at most ${MAX_CHECKLIST_ITEMS} items.` };
  return { ok: true, checklist: [...checklist, { id, label: checked, done: false }] };
}

/** A done item keeps the words the engineer ticked: renaming it would change what they confirmed. */
export function renameChecklistItem(checklist: readonly ChecklistItem[], itemId: string, label: string): ChecklistEdit {
  const item = checklist.find((candidate) => candidate.id === itemId);
  const field = `checklist.${itemId}`;
  if (!item) return { ok: false, field, message: 'This item is no longer on the checklist.' };
  if (item.done) return { ok: false, field, message: `“${item.label}” is ticked as done: untick it before renaming it.` };
  const checked = checkedLabel(label, field);
  if (typeof checked !== 'string') return { ok: false, ...checked };
  return { ok: true, checklist: checklist.map((candidate) => (candidate.id === itemId ? { ...candidate, label: checked } : candidate)) };
}

export function removeChecklistItem(checklist: readonly ChecklistItem[], itemId: string): ChecklistEdit {
  const item = checklist.find((candidate) => candidate.id === itemId);
  if (!item) return { ok: true, checklist: [...checklist] };
  if (item.done) return { ok: false, field: `checklist.${itemId}`, message: doneRemovalMessage(item) };
  return { ok: true, checklist: checklist.filter((candidate) => candidate.id !== itemId) };
}

function doneRemovalMessage(item: ChecklistItem): string {
  return `“${item.label}” is ticked as done, a record of work on site: it cannot be removed. Untick it first if it was ticked by mistake.`;
}

/**
 * The rule every writer meets (the server on each push, the merge when fitting a result): an item
 * that was done before the write is still there after it. Unticking stays possible (a tick by
 * mistake), and then the item may go.
 */
export function explainChecklistRefusal(before: Pick<WorkOrder, 'checklist'>, after: Pick<WorkOrder, 'checklist'>): ChecklistRefusal | null {
  const kept = new Set(after.checklist.map((item) => item.id));
  const removed = before.checklist.find((item) => item.done && !kept.has(item.id));
  return removed ? { field: 'checklist', message: doneRemovalMessage(removed) } : null;
}
