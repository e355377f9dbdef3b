import { describe, expect, it } from 'vitest';
import { changedFields, isDeepEqual, isSameClientContent, serverOwnedFields } from '@shared/domain/doc-rules';
import { buildTicket, buildWorkOrder } from '../../helpers/factories';

describe('changedFields', () => {
  it('lists the top-level fields that differ, sorted, comparing deeply', () => {
    const before = buildWorkOrder();
    const after = {
      ...before,
      status: 'en_route' as const,
      checklist: before.checklist.map((item, index) => (index === 0 ? { ...item, done: true } : item)),
      notes: [...before.notes],
    };
    expect(changedFields(before, after)).toEqual(['checklist', 'status']);
  });

  it('counts an added or removed optional field as a change', () => {
    const before = buildWorkOrder();
    expect(changedFields(before, { ...before, resolution: 'Replaced the valve' })).toEqual(['resolution']);
    const withAsset = buildWorkOrder({ assetId: 'asset-1' });
    const { assetId: _dropped, ...withoutAsset } = withAsset;
    expect(changedFields(withAsset, withoutAsset)).toEqual(['assetId']);
  });

  it('treats every field as changed on a create', () => {
    expect(changedFields(undefined, { a: 1, b: 2 })).toEqual(['a', 'b']);
  });

  it('finds nothing between a document and its copy', () => {
    const doc = buildTicket();
    expect(changedFields(doc, structuredClone(doc))).toEqual([]);
  });
});

describe('isDeepEqual', () => {
  it('ignores key order and undefined-valued keys, but not array order', () => {
    expect(isDeepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(isDeepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(isDeepEqual([1, 2], [2, 1])).toBe(false);
    expect(isDeepEqual([], {})).toBe(false);
    expect(isDeepEqual(null, {})).toBe(false);
  });
});

describe('isSameClientContent', () => {
  it('ignores updatedAt, createdAt and number on a work order', () => {
    const master = buildWorkOrder({ number: 'WO-000042' });
    const replay = { ...master, number: 'WO-P-01HZX3', updatedAt: '2030-01-01T00:00:00.000Z', createdAt: '2030-01-01T00:00:00.000Z' };
    expect(isSameClientContent('workOrders', master, replay)).toBe(true);
  });

  it('ignores the server-computed sla on a ticket', () => {
    const master = buildTicket();
    const fromDevice = { ...master, number: 'TCK-P-ABCD1234', sla: { ...master.sla, state: 'breached' as const, pausedMs: 1000 } };
    expect(isSameClientContent('tickets', master, fromDevice)).toBe(true);
  });

  it('notices any client field change', () => {
    const master = buildTicket();
    expect(isSameClientContent('tickets', master, { ...master, title: 'Different' })).toBe(false);
    expect(isSameClientContent('tickets', master, { ...master, _deleted: true })).toBe(false);
    // A field only one side has, either way round.
    const { description, ...withoutDescription } = master;
    expect(description).toBeDefined();
    expect(isSameClientContent('tickets', master, withoutDescription)).toBe(false);
    expect(isSameClientContent('tickets', withoutDescription, master)).toBe(false);
  });

  it('treats an undefined field as absent, and a document without `_deleted` as live', () => {
    const master = buildTicket();
    const { _deleted, ...withoutFlag } = { ...master, _deleted: false };
    expect(_deleted).toBe(false);
    expect(isSameClientContent('tickets', { ...master, _deleted: false }, withoutFlag)).toBe(true);
    expect(isSameClientContent('tickets', { ...master, assetId: undefined }, { ...master, assetId: undefined })).toBe(true);
    expect(isSameClientContent('tickets', withoutFlag, { ...master, _deleted: true })).toBe(false);
  });

  it('names the server-owned fields per collection', () => {
    expect([...serverOwnedFields('tickets')].sort()).toEqual(['createdAt', 'number', 'sla', 'statusChangedAt', 'updatedAt']);
    expect([...serverOwnedFields('workOrders')].sort()).toEqual(['createdAt', 'number', 'updatedAt']);
    expect([...serverOwnedFields('comments')].sort()).toEqual(['createdAt', 'updatedAt']);
  });
});
