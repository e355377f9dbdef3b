import { describe, expect, it } from 'vitest';
import {
  addChecklistItem,
  buildDefaultChecklist,
  defaultChecklistLabels,
  explainChecklistRefusal,
  KIND_CHECKLISTS,
  removeChecklistItem,
  renameChecklistItem,
} from '@shared/domain/checklist';
import { resolveConflict } from '@shared/domain/merge/fit-to-role';
import { explainWriteRefusal } from '@shared/domain/permissions';
import { WORK_ORDER_KINDS, WorkOrderSchema } from '@shared/schemas/work-order';
import { buildPrincipal, buildWorkOrder } from '../../helpers/factories';

const engineer = buildPrincipal('engineer', { id: 'user-eng1' });
const dispatcher = buildPrincipal('dispatcher', { id: 'user-dispatch1' });
const admin = buildPrincipal('admin', { id: 'user-admin' });
const AT = '2026-03-02T10:30:00.000Z';
const counter = () => {
  let n = 0;
  return () => `chk-${++n}`;
};

describe('a new work order’s default checklist', () => {
  it('starts every kind with its own steps, in order, none done', () => {
    for (const kind of WORK_ORDER_KINDS) {
      const items = buildDefaultChecklist(kind, [], counter());
      expect(items.map((item) => item.label)).toEqual(KIND_CHECKLISTS[kind]);
      expect(items.every((item) => !item.done)).toBe(true);
      expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    }
  });

  it('adds the trade’s checks from the category’s skills before the closing step', () => {
    const labels = defaultChecklistLabels('corrective', ['electrical']);
    expect(labels).toContain('Prove dead before work (test the tester)');
    expect(labels.at(-1)).toBe('Return to service and brief the site contact');
    expect(labels).toHaveLength(KIND_CHECKLISTS.corrective.length + 2);
  });

  it('ignores skills it has no checks for, and case, and never repeats a check', () => {
    expect(defaultChecklistLabels('inspection', ['general', 'carpentry'])).toEqual(KIND_CHECKLISTS.inspection);
    expect(defaultChecklistLabels('inspection', ['HVAC', 'hvac'])).toHaveLength(KIND_CHECKLISTS.inspection.length + 2);
  });

  it('fits the work order schema', () => {
    const checklist = buildDefaultChecklist('installation', ['fire-safety', 'security'], counter());
    expect(WorkOrderSchema.shape.checklist.parse(checklist)).toEqual(checklist);
  });
});

describe('the desk’s checklist edits', () => {
  const list = [
    { id: 'a', label: 'Isolate power', done: false },
    { id: 'b', label: 'Read pressure', done: true, doneBy: 'user-eng1', doneAt: AT },
  ];

  it('adds a trimmed item at the end, not done', () => {
    const edit = addChecklistItem(list, '  Check   the seals ', 'c');
    expect(edit).toEqual({ ok: true, checklist: [...list, { id: 'c', label: 'Check the seals', done: false }] });
  });

  it('refuses an empty or too long name, naming the new-item field', () => {
    expect(addChecklistItem(list, '   ', 'c')).toMatchObject({ ok: false, field: 'newItem' });
    expect(addChecklistItem(list, 'x'.repeat(201), 'c')).toMatchObject({ ok: false, field: 'newItem' });
  });

  it('renames an open item, and refuses renaming a done one (it would change what the engineer confirmed)', () => {
    expect(renameChecklistItem(list, 'a', 'Isolate and lock off')).toMatchObject({ ok: true, checklist: [{ id: 'a', label: 'Isolate and lock off' }, list[1]] });
    expect(renameChecklistItem(list, 'b', 'Something else')).toMatchObject({ ok: false, field: 'checklist.b', message: expect.stringContaining('untick it') });
  });

  it('removes an open item, and refuses removing a done one with the reason', () => {
    expect(removeChecklistItem(list, 'a')).toEqual({ ok: true, checklist: [list[1]] });
    expect(removeChecklistItem(list, 'b')).toMatchObject({ ok: false, field: 'checklist.b', message: expect.stringContaining('cannot be removed') });
  });
});

describe('who may change a work order’s checklist', () => {
  const before = buildWorkOrder({ assigneeId: engineer.id, status: 'on_site' });
  const ticked = { ...before, checklist: before.checklist.map((item, index) => (index === 0 ? { ...item, done: true, doneBy: engineer.id, doneAt: AT } : item)) };

  it('lets the desk add, rename and remove open items', () => {
    const [first] = before.checklist;
    if (!first) throw new Error('the factory gives a checklist');
    const after = { ...before, checklist: [{ ...first, label: 'Isolate and lock off' }, { id: 'chk-new', label: 'Check seals', done: false }] };
    expect(explainWriteRefusal(dispatcher, 'workOrders', before, after)).toBeNull();
    expect(explainWriteRefusal(admin, 'workOrders', before, after)).toBeNull();
  });

  it('refuses anyone removing a done item, naming the checklist', () => {
    const after = { ...ticked, checklist: ticked.checklist.slice(1) };
    for (const principal of [dispatcher, admin, engineer]) {
      expect(explainWriteRefusal(principal, 'workOrders', ticked, after)).toEqual({ field: 'checklist', message: expect.stringContaining('Isolate power') });
    }
    expect(explainChecklistRefusal(ticked, after)).not.toBeNull();
  });

  it('lets an item go once it is unticked', () => {
    expect(explainWriteRefusal(dispatcher, 'workOrders', before, { ...before, checklist: before.checklist.slice(1) })).toBeNull();
  });

  it('keeps an item the engineer ticked while the desk removed it, when the desk’s push meets the tick', () => {
    const removed = { ...before, checklist: before.checklist.slice(1) };
    const { doc, conflicts } = resolveConflict(before, removed, ticked, { collection: 'workOrders', principal: dispatcher });
    expect(doc.checklist.map((item) => [item.id, item.done])).toEqual([
      ['chk-1', true],
      ['chk-2', false],
    ]);
    expect(conflicts).toEqual([expect.objectContaining({ path: 'checklist:chk-1', reason: 'deleted', winner: 'theirs' })]);
  });
});
