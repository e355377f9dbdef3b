import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { rxSchemaFor } from '@app/db/rx-schema';
import { outboxCollectionCreator } from '@app/db/outbox';
import { buildWorkOrder } from '../../helpers/factories';

addRxPlugin(RxDBMigrationSchemaPlugin);

/**
 * An app update that bumps a collection's schema version runs its migration strategy on the
 * stored documents and leaves the outbox of unsynced writes alone: nothing on the device is lost.
 */
const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
let db: RxDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('schema migrations on app update', () => {
  it('migrates stored work orders to the new version and keeps pending writes', async () => {
    const name = 'migration-test';
    const v0 = await createRxDatabase({ name, storage: storage() });
    await v0.addCollections({ workOrders: { schema: rxSchemaFor('workOrders', { version: 0 }) }, outbox: outboxCollectionCreator });
    const { _deleted, ...stored } = buildWorkOrder({ id: 'wo-old', notes: [] });
    void _deleted;
    await v0.workOrders?.insert(stored);
    await v0.outbox?.insert({ id: 'workOrders/wo-old', collectionName: 'workOrders', docId: 'wo-old', stamp: stored.updatedAt });
    await v0.close();

    db = await createRxDatabase({ name, storage: storage() });
    await db.addCollections({
      workOrders: {
        schema: rxSchemaFor('workOrders', { version: 1 }),
        migrationStrategies: { 1: (doc: Record<string, unknown>) => ({ ...doc, kind: 'inspection' }) },
      },
      outbox: outboxCollectionCreator,
    });
    const migrated = await db.workOrders?.findOne('wo-old').exec();
    expect(migrated?.toJSON()).toMatchObject({ id: 'wo-old', kind: 'inspection', checklist: stored.checklist });
    expect(await db.outbox?.count().exec()).toBe(1);
  });
});
