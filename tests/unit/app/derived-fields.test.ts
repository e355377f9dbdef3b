import { describe, expect, it } from 'vitest';
import type { RxConflictHandlerInput } from 'rxdb';
import { createConflictHandler } from '@app/db/conflict-handler';
import { isEqualIgnoringDerived, setDerivedFields, withoutDerivedFields } from '@app/db/derived-fields';
import type { AnyDoc } from '@shared/schemas/collections';
import { buildWorkOrder } from '../../helpers/factories';

/**
 * The device derives `scheduleKey` for its index; the server never has it. Comparisons and
 * merges with the server's versions must not see it, or every stored work order would look edited.
 */
const serverVersion = buildWorkOrder({ id: 'wo-derived', assigneeId: 'user-eng1', scheduledStart: '2026-03-01T23:30:00-10:00' });
const stored = setDerivedFields('workOrders', { ...serverVersion });

describe('derived index fields', () => {
  it('are the open state and the start in UTC, set on a copy the caller owns', () => {
    expect(stored.scheduledStart).toBe('2026-03-01T23:30:00-10:00');
    expect(serverVersion.status).toBe('scheduled');
    expect((stored as Record<string, unknown>).scheduleKey).toBe('open:2026-03-02T09:30:00.000Z');
    expect(serverVersion).not.toHaveProperty('scheduleKey');
    expect(setDerivedFields('workOrders', { ...serverVersion, status: 'completed' })).toMatchObject({ scheduleKey: 'done:2026-03-02T09:30:00.000Z' });
    expect(setDerivedFields('workOrders', { ...serverVersion, status: 'on_hold' })).toMatchObject({ scheduleKey: 'open:2026-03-02T09:30:00.000Z' });
    expect(setDerivedFields('workOrders', { ...serverVersion, status: 'on_site' })).toMatchObject({ scheduleKey: 'live:2026-03-02T09:30:00.000Z' });
    expect(setDerivedFields('tickets', { id: 't1' })).toEqual({ id: 't1' });
    // A tombstone without fields still gets a value (the field is required by the index).
    expect(setDerivedFields('workOrders', { id: 'wo-gone', _deleted: true })).toEqual({ id: 'wo-gone', _deleted: true, scheduleKey: 'open:' });
  });

  it('are left out when the device’s version is compared with the server’s', () => {
    expect(isEqualIgnoringDerived(stored as AnyDoc, serverVersion, 'test')).toBe(true);
    expect(isEqualIgnoringDerived(stored as AnyDoc, { ...serverVersion, status: 'on_hold' }, 'test')).toBe(false);
    expect(withoutDerivedFields(stored)).toEqual(serverVersion);
    expect(withoutDerivedFields(serverVersion)).toBe(serverVersion);
  });

  it('stay out of a merge with the server’s version (moved on the server, a note added here)', async () => {
    const handler = createConflictHandler({ principal: { id: 'user-eng1', role: 'engineer', siteIds: [serverVersion.siteId] } }, 'workOrders');
    const theirs = { ...serverVersion, scheduledStart: '2026-03-02T08:00:00+01:00', updatedAt: '2026-03-01T12:00:00.000Z' };
    const note = { id: 'n-derived', at: '2026-03-01T11:00:00.000Z', by: 'user-eng1', text: 'Fuse replaced' };
    const mine = setDerivedFields('workOrders', { ...serverVersion, notes: [...serverVersion.notes, note] });
    const input = { assumedMasterState: stored, newDocumentState: mine, realMasterState: theirs } as unknown as RxConflictHandlerInput<AnyDoc>;
    const merged = (await handler.resolve(input, 'test')) as Record<string, unknown>;
    expect(merged).toMatchObject({ scheduledStart: '2026-03-02T08:00:00+01:00', notes: [...serverVersion.notes, note] });
    expect(merged).not.toHaveProperty('scheduleKey');
  });
});
