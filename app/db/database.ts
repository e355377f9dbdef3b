import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Principal } from '@shared/domain/principal';
import type { CollectionName, DocOf } from '@shared/schemas/collections';
import type { ConflictRecord } from '@shared/schemas/conflict-record';
import { replicatedCollectionCreators } from './collections';
import { createConflictHandler, type ConflictEnvironment } from './conflict-handler';
import { conflictsCollectionCreator } from './conflicts';
import { withCleanupByChangeIndex, withoutUnreadIndexes } from './unread-indexes';
import { withIndexRangeReads } from './index-range-reads';
import { outboxCollectionCreator, type OutboxEntry } from './outbox';

export type AppCollections = { [C in CollectionName]: RxCollection<DocOf<C>> } & {
  outbox: RxCollection<OutboxEntry>;
  conflicts: RxCollection<ConflictRecord>;
};
export type AppDatabase = RxDatabase<AppCollections>;

addRxPlugin(RxDBMigrationSchemaPlugin);
// Device-only records that are not a collection (asset audits in progress): RxDB local documents.
addRxPlugin(RxDBLocalDocumentsPlugin);

export type OpenOptions = {
  /** IndexedDB implementation: the browser's by default; fake-indexeddb in unit tests. */
  indexedDB?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };
  /** Validate every write against the schema (development and tests; costs time in production). */
  validate?: boolean;
  /**
   * Who uses this database: replication conflicts are then merged (shared three-way merge) into a
   * write this user may make, with conflict records. Without it RxDB keeps the server's version.
   */
  principal?: Principal;
};

/** One database per signed-in user on this device, so logging out can wipe exactly that user's data. */
export function databaseNameFor(userId: string): string {
  return `fs-${userId.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}`;
}

export async function openDatabase(name: string, options: OpenOptions = {}): Promise<AppDatabase> {
  const dexie: RxStorage<unknown, unknown> = withIndexRangeReads(withCleanupByChangeIndex(getRxStorageDexie(withoutUnreadIndexes(options.indexedDB ?? {}))));
  // The validator is loaded only when asked for (development, tests): it stays out of the production bundle.
  const storage = options.validate ? (await import('rxdb/plugins/validate-ajv')).wrappedValidateAjvStorage({ storage: dexie }) : dexie;
  const db = await createRxDatabase<AppCollections>({ name, storage, multiInstance: true, eventReduce: true, closeDuplicates: true, localDocuments: true });
  const environment: ConflictEnvironment | undefined = options.principal ? { principal: options.principal } : undefined;
  const handlerFor = environment ? (collection: CollectionName) => createConflictHandler(environment, collection) : undefined;
  await db.addCollections({ ...replicatedCollectionCreators(handlerFor), outbox: outboxCollectionCreator, conflicts: conflictsCollectionCreator });
  if (environment) environment.db = db;
  return db;
}
