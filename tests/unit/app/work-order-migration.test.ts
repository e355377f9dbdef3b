import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { replicatedCollectionCreators } from '@app/db/collections';
import { outboxCollectionCreator } from '@app/db/outbox';
import { rxSchemaFor } from '@app/db/rx-schema';
import type { WorkOrder } from '@shared/schemas/work-order';
import { buildWorkOrder } from '../../helpers/factories';

addRxPlugin(RxDBMigrationSchemaPlugin);

const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
let db: RxDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const stored = (overrides: Partial<WorkOrder>) => {
  const { _deleted, ...doc } = buildWorkOrder(overrides);
  void _deleted;
  return doc;
};

describe('workOrders schema v3 and v4 (one Today list index on the under-way, waiting or done state and the start in UTC)', () => {
  it('keeps the work orders, their replication stamps and the outbox of a v0 database', async () => {
    const name = 'work-order-migration-test';
    const v0 = await createRxDatabase({ name, storage: storage() });
    await v0.addCollections({
      workOrders: { schema: rxSchemaFor('workOrders', { version: 0, indexes: ['assigneeId', 'scheduledStart'] }) },
      outbox: outboxCollectionCreator,
    });
    const edited = stored({ id: 'wo-edited', status: 'on_hold', notes: [{ id: 'n1', at: '2026-03-01T10:00:00.000Z', by: 'user-eng1', text: 'Edited offline' }] });
    await v0.workOrders?.bulkInsert([edited, stored({ id: 'wo-done', status: 'completed', completedAt: '2026-03-07T16:00:00.000Z' }), stored({ id: 'wo-next', scheduledStart: '2026-03-05T08:00:00+05:30' })]);
    await v0.outbox?.insert({ id: 'workOrders/wo-edited', collectionName: 'workOrders', docId: 'wo-edited', stamp: edited.updatedAt });
    // The replication finds unpushed writes by this stamp: it must survive the migration.
    const lwtBefore = (await v0.workOrders?.findOne('wo-edited').exec())?.toJSON(true)._meta.lwt;
    await v0.close();

    db = await createRxDatabase({ name, storage: storage() });
    await db.addCollections({ workOrders: replicatedCollectionCreators().workOrders!, outbox: outboxCollectionCreator });
    const workOrders = db.workOrders!;
    expect(await workOrders.count().exec()).toBe(3);
    const migrated = await workOrders.findOne('wo-edited').exec();
    expect(migrated?.toJSON()).toMatchObject({ id: 'wo-edited', status: 'on_hold', notes: edited.notes, checklist: edited.checklist });
    expect(migrated?.toJSON(true)._meta.lwt).toBe(lwtBefore);
    expect((await db.outbox?.find().exec())?.map((entry) => entry.docId)).toEqual(['wo-edited']);
    // Each stored work order gains its key, and the new index answers the Today list's queries.
    expect((await workOrders.findOne('wo-next').exec())?.toJSON()).toMatchObject({ scheduleKey: 'open:2026-03-05T02:30:00.000Z' });
    expect(await openIdsIn(workOrders, 'open:', 'open:2026-03-05T00:00:00.000Z')).toEqual(['wo-edited']);
    expect(await openIdsIn(workOrders, 'open:2026-03-05T02:00:00.000Z', 'open:2026-03-05T03:00:00.000Z')).toEqual(['wo-next']);
    expect(await openIdsIn(workOrders, 'done:', 'done;')).toEqual(['wo-done']);
    // v5: a completed job is keyed on the day it was done.
    expect((await workOrders.findOne('wo-done').exec())?.toJSON()).toMatchObject({ scheduleKey: 'done:2026-03-07T16:00:00.000Z' });
  });

  it('replaces the v2 start-in-UTC field and its two indexes with the key', async () => {
    const name = 'work-order-migration-v2-test';
    const v2 = await createRxDatabase({ name, storage: storage() });
    await v2.addCollections({ workOrders: { schema: v2Schema(), migrationStrategies: { 1: (doc: unknown) => doc, 2: (doc: unknown) => doc } } });
    await v2.workOrders?.bulkInsert([
      { ...stored({ id: 'wo-open', status: 'on_hold', scheduledStart: '2026-03-01T23:30:00-10:00' }), scheduledStartUtc: '2026-03-02T09:30:00.000Z' },
      { ...stored({ id: 'wo-closed', status: 'completed', scheduledStart: '2026-03-02T10:00:00.000Z' }), scheduledStartUtc: '2026-03-02T10:00:00.000Z' },
      { ...stored({ id: 'wo-started', status: 'in_progress', scheduledStart: '2026-03-04T10:00:00.000Z' }), scheduledStartUtc: '2026-03-04T10:00:00.000Z' },
    ]);
    await v2.close();

    db = await createRxDatabase({ name, storage: storage() });
    await db.addCollections({ workOrders: replicatedCollectionCreators().workOrders! });
    const migrated = (await db.workOrders!.findOne('wo-open').exec())?.toJSON();
    expect(migrated).toMatchObject({ id: 'wo-open', status: 'on_hold', scheduleKey: 'open:2026-03-02T09:30:00.000Z' });
    expect(migrated).not.toHaveProperty('scheduledStartUtc');
    expect(await openIdsIn(db.workOrders!, 'done:2026-03-02T00:00:00.000Z', 'done:2026-03-03T00:00:00.000Z')).toEqual(['wo-closed']);
    // v4: a job under way gets its own key, so Today lists it whatever its date.
    expect(await openIdsIn(db.workOrders!, 'live:', 'live;')).toEqual(['wo-started']);
  });
});

/** The ids in one range of the Today index, in its order. */
async function openIdsIn(workOrders: RxCollection, from: string, to: string): Promise<string[]> {
  const found = await workOrders.find({ selector: { scheduleKey: { $gte: from, $lt: to } }, sort: [{ scheduleKey: 'asc' }, { id: 'asc' }], index: ['scheduleKey'] } as never).exec();
  return found.map((doc) => (doc as unknown as { id: string }).id);
}

/** The work-order schema as v2 had it: the start in UTC as its derived field, indexed alone and after the status. */
function v2Schema() {
  const current = rxSchemaFor('workOrders', { version: 2 }) as unknown as { properties: Record<string, unknown>; required: string[] };
  const { scheduleKey, ...properties } = current.properties;
  void scheduleKey;
  return {
    ...current,
    properties: { ...properties, scheduledStartUtc: { type: 'string', maxLength: 40 } },
    required: [...current.required.filter((field) => field !== 'scheduleKey'), 'scheduledStartUtc'],
    indexes: ['scheduledStartUtc', ['status', 'scheduledStartUtc']],
  } as never;
}
