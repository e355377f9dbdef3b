import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
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

describe('workOrders schema v2 (Today list indexes on the start in UTC)', () => {
  it('keeps the work orders, their replication stamps and the outbox of a v0 database', async () => {
    const name = 'work-order-migration-test';
    const v0 = await createRxDatabase({ name, storage: storage() });
    await v0.addCollections({
      workOrders: { schema: rxSchemaFor('workOrders', { version: 0, indexes: ['assigneeId', 'scheduledStart'] }) },
      outbox: outboxCollectionCreator,
    });
    const edited = stored({ id: 'wo-edited', status: 'on_hold', notes: [{ id: 'n1', at: '2026-03-01T10:00:00.000Z', by: 'user-eng1', text: 'Edited offline' }] });
    await v0.workOrders?.bulkInsert([edited, stored({ id: 'wo-done', status: 'completed' }), stored({ id: 'wo-next', scheduledStart: '2026-03-05T08:00:00+05:30' })]);
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
    // Each stored work order gains its start in UTC, and the new indexes answer the Today list's queries.
    expect((await workOrders.findOne('wo-next').exec())?.toJSON()).toMatchObject({ scheduledStartUtc: '2026-03-05T02:30:00.000Z' });
    const open = await workOrders.find({ selector: { status: 'on_hold', scheduledStartUtc: { $lt: '2026-03-03T00:00:00.000Z' } }, index: ['status', 'scheduledStartUtc'] } as never).exec();
    expect(open.map((doc) => doc.id)).toEqual(['wo-edited']);
    const next = await workOrders.find({ selector: { scheduledStartUtc: { $gte: '2026-03-05T02:00:00.000Z', $lt: '2026-03-05T03:00:00.000Z' } }, index: ['scheduledStartUtc'] } as never).exec();
    expect(next.map((doc) => doc.id)).toEqual(['wo-next']);
  });
});
