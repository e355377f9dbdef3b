import { describe, expect, it } from 'vitest';
import { readPath, writePath } from '@shared/domain/merge/conflict-paths';
import { resolveConflict } from '@shared/domain/merge/fit-to-role';
import { mergeDocuments } from '@shared/domain/merge/merge-documents';
import type { MergeContext } from '@shared/domain/merge/merge-types';
import type { Principal } from '@shared/domain/principal';
import { buildAsset, buildTicket, buildWorkOrder } from '../../helpers/factories';

const ENGINEER: Principal = { id: 'user-eng1', role: 'engineer', siteIds: [] };
const DISPATCHER: Principal = { id: 'user-dispatch1', role: 'dispatcher', siteIds: [] };
const ADMIN: Principal = { id: 'user-admin', role: 'admin', siteIds: [] };
const wo = (principal: Principal): MergeContext => ({ collection: 'workOrders', principal });
const AT = '2026-03-02T10:30:00.000Z';

describe('merge rules by example', () => {
  const base = buildWorkOrder({ id: 'wo-1', status: 'on_site' });

  it('takes disjoint changes from both sides silently', () => {
    const mine = { ...base, notes: [{ id: 'n1', at: AT, by: ENGINEER.id, text: 'Valve replaced' }] };
    const theirs = { ...base, scheduledEnd: '2026-03-02T15:00:00.000Z' };
    const { doc, conflicts } = resolveConflict(base, mine, theirs, wo(ENGINEER));
    expect(doc.notes).toHaveLength(1);
    expect(doc.scheduledEnd).toBe('2026-03-02T15:00:00.000Z');
    expect(conflicts).toEqual([]);
  });

  it('gives the schedule to the desk and the execution to the engineer, recording the loser', () => {
    const mine = { ...base, scheduledEnd: '2026-03-02T13:00:00.000Z', resolution: 'Reset the breaker' };
    const theirs = { ...base, scheduledEnd: '2026-03-02T16:00:00.000Z', resolution: 'Desk note' };
    const { doc, conflicts } = resolveConflict(base, mine, theirs, wo(ENGINEER));
    expect(doc.scheduledEnd).toBe('2026-03-02T16:00:00.000Z');
    expect(doc.resolution).toBe('Reset the breaker');
    expect(conflicts).toEqual([
      expect.objectContaining({ path: 'schedule', winner: 'theirs', reason: 'ownership' }),
      expect.objectContaining({ path: 'completion', winner: 'mine', reason: 'ownership' }),
    ]);
  });

  it('merges checklists per item: their tick and my tick both stay', () => {
    const tick = (index: number, by: string) => base.checklist.map((item, at) => (at === index ? { ...item, done: true, doneBy: by, doneAt: AT } : item));
    const { doc, conflicts } = resolveConflict(base, { ...base, checklist: tick(0, ENGINEER.id) }, { ...base, checklist: tick(1, DISPATCHER.id) }, wo(ENGINEER));
    expect(doc.checklist.map((item) => item.done)).toEqual([true, true]);
    expect(conflicts).toEqual([]);
  });

  it('keeps a checklist item the desk removed when the engineer ticked it, and records the removal', () => {
    const ticked = { ...base, checklist: base.checklist.map((item, index) => (index === 0 ? { ...item, done: true, doneBy: ENGINEER.id, doneAt: AT } : item)) };
    const removed = { ...base, checklist: base.checklist.slice(1) };
    const { doc, conflicts } = resolveConflict(base, ticked, removed, wo(ENGINEER));
    expect(doc.checklist.map((item) => item.id)).toEqual(['chk-1', 'chk-2']);
    expect(conflicts).toEqual([expect.objectContaining({ path: 'checklist:chk-1', reason: 'deleted', winner: 'mine' })]);
  });

  it('decides a status changed on both sides by precedence, whoever pushes', () => {
    const byEngineer = { ...base, status: 'in_progress' as const };
    const byDesk = { ...base, status: 'on_hold' as const };
    expect(resolveConflict(base, byEngineer, byDesk, wo(ENGINEER)).doc.status).toBe('in_progress');
    expect(resolveConflict(base, byDesk, byEngineer, wo(DISPATCHER)).doc.status).toBe('in_progress');
  });

  it('never leaves a terminal status: my completion over their cancellation is kept as a conflict record', () => {
    const completed = { ...base, status: 'completed' as const, resolution: 'Done', completedAt: AT };
    const cancelled = { ...base, status: 'cancelled' as const };
    const { doc, conflicts } = resolveConflict(base, completed, cancelled, wo(ENGINEER));
    expect(doc.status).toBe('cancelled');
    expect(conflicts).toContainEqual(expect.objectContaining({ path: 'status', mine: 'completed', theirs: 'cancelled', kept: 'cancelled', winner: 'theirs' }));
  });

  it('edit against delete: a deletion on the server stands and each edited field is recorded', () => {
    const edited = { ...base, resolution: 'Half done' };
    const { doc, conflicts } = resolveConflict(base, edited, { ...base, _deleted: true }, wo(ENGINEER));
    expect(doc._deleted).toBe(true);
    expect(conflicts).toEqual([expect.objectContaining({ path: 'completion', mine: { resolution: 'Half done' }, reason: 'deleted' })]);
  });

  it('edit against delete: a deletion over an edit the deleter never saw keeps the edit and records the deletion', () => {
    const edited = { ...base, resolution: 'Half done' };
    const { doc, conflicts } = resolveConflict(base, { ...base, _deleted: true }, edited, wo(ADMIN));
    expect(doc).toEqual(edited);
    expect(conflicts).toEqual([expect.objectContaining({ path: '_deleted', mine: true, theirs: false, winner: 'theirs', reason: 'deleted' })]);
  });

  it('a deletion never overrides a concurrent edit: the deletion becomes a conflict record', () => {
    const { doc, conflicts } = resolveConflict(base, { ...base, _deleted: true }, { ...base, scheduledEnd: '2026-03-02T18:00:00.000Z' }, wo(DISPATCHER));
    expect(doc._deleted).toBe(false);
    expect(conflicts).toEqual([expect.objectContaining({ path: '_deleted', mine: true, reason: 'deleted' })]);
  });

  it('merges ticket tags as a set and gives priority to the desk', () => {
    const ticket = buildTicket({ id: 'tck-1', status: 'assigned', assigneeId: ENGINEER.id, tags: ['a', 'b'] });
    const mine = { ...ticket, tags: ['a', 'b', 'roof'], priority: 'low' as const };
    const theirs = { ...ticket, tags: ['b'], priority: 'critical' as const };
    const { doc } = mergeDocuments(ticket, mine, theirs, { collection: 'tickets', principal: ENGINEER });
    expect(doc.tags).toEqual(['b', 'roof']);
    expect(doc.priority).toBe('critical');
  });

  it('falls back to a deterministic field-by-field merge for other types', () => {
    const asset = buildAsset({ id: 'as-1' });
    const mine = { ...asset, name: 'Chiller A', model: 'X1' };
    const theirs = { ...asset, name: 'Chiller B', serialNumber: 'SN-2' };
    const one = mergeDocuments(asset, mine, theirs, { collection: 'assets', principal: DISPATCHER, theirsRole: 'dispatcher' });
    const other = mergeDocuments(asset, theirs, mine, { collection: 'assets', principal: DISPATCHER, theirsRole: 'dispatcher' });
    expect(one.doc).toEqual(other.doc);
    expect(one.doc).toMatchObject({ name: 'Chiller B', model: 'X1', serialNumber: 'SN-2' });
    expect(one.conflicts).toEqual([expect.objectContaining({ path: 'name', reason: 'tie' })]);
  });

  it('reads and writes conflict paths, so a recorded value can be applied again', () => {
    const ticked = writePath('workOrders', base, 'checklist:chk-2:done', { done: true, doneBy: ENGINEER.id, doneAt: AT });
    expect(readPath('workOrders', ticked, 'checklist:chk-2:done')).toEqual({ done: true, doneBy: ENGINEER.id, doneAt: AT });
    const rescheduled = writePath('workOrders', base, 'schedule', { scheduledStart: AT, scheduledEnd: '2026-03-02T20:00:00.000Z' });
    expect(rescheduled.scheduledEnd).toBe('2026-03-02T20:00:00.000Z');
    expect(readPath('workOrders', base, 'status')).toBe('on_site');
  });
});
