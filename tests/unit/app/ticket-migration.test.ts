import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { replicatedCollectionCreators } from '@app/db/collections';
import { rxSchemaFor } from '@app/db/rx-schema';
import { buildTicket } from '../../helpers/factories';

addRxPlugin(RxDBMigrationSchemaPlugin);

const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
let db: RxDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('tickets schema v1 (SLA engine fields)', () => {
  it('keeps tickets stored by the previous app version and accepts the new SLA fields', async () => {
    const name = 'ticket-migration-test';
    const v0 = await createRxDatabase({ name, storage: storage() });
    await v0.addCollections({ tickets: { schema: rxSchemaFor('tickets', { version: 0, indexes: ['siteId', 'status'] }) } });
    const { _deleted, ...stored } = buildTicket({ id: 'tck-old' });
    void _deleted;
    await v0.tickets?.insert(stored);
    await v0.close();

    db = await createRxDatabase({ name, storage: storage() });
    const creators = replicatedCollectionCreators();
    await db.addCollections({ tickets: creators.tickets! });
    expect((await db.tickets?.findOne('tck-old').exec())?.toJSON()).toMatchObject({ id: 'tck-old', sla: stored.sla });
    const { _deleted: _d, ...fresh } = buildTicket({ id: 'tck-new', statusChangedAt: '2026-03-02T09:00:00.000Z' });
    void _d;
    await db.tickets?.insert({ ...fresh, sla: { ...fresh.sla, crossed: ['response.warn50'], nextThresholdAt: '2026-03-02T09:45:00.000Z' } });
    expect((await db.tickets?.findOne('tck-new').exec())?.toJSON().sla.crossed).toEqual(['response.warn50']);
  });
});
