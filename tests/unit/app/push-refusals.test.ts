import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { conflictsCollectionCreator, refusalRollback } from '@app/db/conflicts';
import type { AnyDoc } from '@shared/schemas/collections';
import { rxSchemaFromZod } from '@app/db/rx-schema';
import { HttpError } from '@app/sync/errors';
import { isRefusal, refusedField } from '@app/sync/push-refusals';
import { ConflictRecordSchema, type ConflictRecord } from '@shared/schemas/conflict-record';

addRxPlugin(RxDBMigrationSchemaPlugin);

describe('what counts as a refusal', () => {
  it('is the server’s refusal of what the change is, never a passing state nor a proxy’s page', () => {
    expect(isRefusal(new HttpError(400, 'validation_failed', 'tag: too long', '[0].newDocumentState.tag'))).toBe(true);
    expect(isRefusal(new HttpError(403, 'forbidden', 'no'))).toBe(true);
    expect(isRefusal(new HttpError(409, 'conflict', 'tag taken'))).toBe(true);
    expect(isRefusal(new HttpError(413, 'payload_too_large', 'too large'))).toBe(true);
    expect(isRefusal(new HttpError(422, 'illegal_transition', 'no'))).toBe(true);
    // A 4xx without the server's envelope (a proxy, a captive portal) reads as `internal`: passing.
    for (const status of [400, 403, 404, 409]) expect(isRefusal(new HttpError(status, 'internal', `HTTP ${status}`))).toBe(false);
    expect(isRefusal(new HttpError(401, 'token_expired', 'later'))).toBe(false);
    expect(isRefusal(new HttpError(429, 'too_many_requests', 'later'))).toBe(false);
    expect(isRefusal(new HttpError(503, 'store_unavailable', 'later'))).toBe(false);
    expect(isRefusal(new Error('Failed to fetch'))).toBe(false);
  });

  it('names the refused field without the row prefix', () => {
    expect(refusedField('[3].newDocumentState.tag')).toBe('tag');
    expect(refusedField('[0].newDocumentState.checklist[2].label')).toBe('checklist');
    expect(refusedField('x-device-id')).toBeUndefined();
    expect(refusedField(undefined)).toBeUndefined();
  });
});

describe('conflicts collection v1 (the refused reason)', () => {
  let db: RxDatabase | undefined;
  afterEach(async () => {
    await db?.remove();
    db = undefined;
  });

  it('keeps the records of a v0 database', async () => {
    const name = 'conflicts-migration-test';
    const storage = getRxStorageDexie({ indexedDB, IDBKeyRange });
    const v0Schema = ConflictRecordSchema.omit({ refusal: true }).extend({ reason: ConflictRecordSchema.shape.reason.exclude(['refused']) });
    const v0 = await createRxDatabase({ name, storage });
    await v0.addCollections({ conflicts: { schema: rxSchemaFromZod('conflicts', v0Schema, { version: 0, indexes: ['state', 'docId'] }) } });
    const record: ConflictRecord = {
      id: 'wo-1:status:abc',
      collectionName: 'workOrders',
      docId: 'wo-1',
      docLabel: 'WO-000001',
      path: 'status',
      mine: '"en_route"',
      theirs: '"on_hold"',
      kept: '"on_hold"',
      winner: 'theirs',
      reason: 'status-precedence',
      documentDeleted: false,
      theirsChangedAt: '2026-12-05T08:00:00.000Z',
      recordedAt: '2026-12-05T08:01:00.000Z',
      state: 'open',
    };
    await v0.conflicts?.insert(record);
    await v0.close();

    db = await createRxDatabase({ name, storage });
    await db.addCollections({ conflicts: conflictsCollectionCreator });
    expect((await db.conflicts?.findOne(record.id).exec())?.toJSON()).toEqual(record);
  });
});

describe('what a refused change leaves on the device', () => {
  const theirs = { id: 'wo-1', type: 'workOrder', kind: 'corrective', notes: [], updatedAt: '2026-12-05T07:00:00.000Z', _deleted: false } as unknown as AnyDoc;
  const mine = { ...theirs, kind: 'inspection', notes: [{ id: 'n1', text: 'kept' }], updatedAt: '2026-12-05T08:00:00.000Z' } as unknown as AnyDoc;

  it('rolls back only the field the server named, keeping every other edit to push again', () => {
    expect(refusalRollback(mine, theirs, { message: 'no', field: 'kind' })).toEqual({ ...mine, kind: 'corrective' });
  });

  it('rolls back the whole change when no field is named, or the server never had the document', () => {
    expect(refusalRollback(mine, theirs, { message: 'no' })).toBe(theirs);
    const never = { ...mine, _deleted: true } as AnyDoc;
    expect(refusalRollback(mine, never, { message: 'no', field: 'kind' })).toBe(never);
  });
});
