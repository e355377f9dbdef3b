import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { conflictsCollectionCreator } from '@app/db/conflicts';
import { rxSchemaFromZod } from '@app/db/rx-schema';
import { HttpError } from '@app/sync/errors';
import { isRefusal, refusedField } from '@app/sync/push-refusals';
import { ConflictRecordSchema, type ConflictRecord } from '@shared/schemas/conflict-record';

addRxPlugin(RxDBMigrationSchemaPlugin);

describe('what counts as a refusal', () => {
  it('is a refusal for what the change is (400, 403, 404, 409, 413, 422), never for a passing state', () => {
    for (const status of [400, 403, 404, 409, 413, 422]) expect(isRefusal(new HttpError(status, 'forbidden', 'no'))).toBe(true);
    for (const status of [401, 408, 426, 429, 500, 503]) expect(isRefusal(new HttpError(status, 'internal', 'later'))).toBe(false);
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
