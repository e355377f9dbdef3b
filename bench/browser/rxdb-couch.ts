import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { replicatedCollectionCreators } from '@app/db/collections';
import type { CouchReplicationPage } from './page-api';

// The app's work-order schema has a version with a migration strategy, which needs this plugin.
addRxPlugin(RxDBMigrationSchemaPlugin);

/**
 * RxDB's own CouchDB replication plugin on the same Dexie storage and the same work-order schema
 * (and indexes) as the app: what we would run had we pointed RxDB at CouchDB directly.
 */
async function replicate({ dbUrl, batchSize, expected, push }: { dbUrl: string; batchSize: number; expected: number; push?: boolean }) {
  const started = performance.now();
  const db = await createRxDatabase({ name: `bench-rxcouch-${batchSize}${push ? '-push' : ''}-${Date.now()}`, storage: getRxStorageDexie() });
  const creators = replicatedCollectionCreators();
  await db.addCollections({ workOrders: creators.workOrders ?? { schema: undefined as never } });
  const collection = db.collections.workOrders;
  if (!collection) throw new Error('no workOrders collection');
  const replication = replicateCouchDB({
    replicationIdentifier: `bench-${batchSize}`,
    collection,
    url: dbUrl.endsWith('/') ? dbUrl : `${dbUrl}/`,
    live: false,
    pull: { batchSize },
    // With push, RxDB also stores every pulled document's assumed master state (its replication
    // meta), as any app that sends edits back needs; pull-only it skips that.
    ...(push ? { push: { batchSize } } : {}),
  });
  const failed = new Promise<never>((_, reject) => replication.error$.subscribe((error) => reject(error)));
  await Promise.race([replication.awaitInitialReplication(), failed]);
  const ms = performance.now() - started;
  const docs = await collection.count().exec();
  await replication.cancel();
  await db.close();
  if (docs < expected) throw new Error(`RxDB's CouchDB replication stored ${docs} of ${expected} documents`);
  return { ms, docs };
}

window.bench = { replicate } satisfies CouchReplicationPage;
