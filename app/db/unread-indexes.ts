import type { Dexie } from 'dexie';
import { getPrimaryFieldOfPrimaryKey, now, type DexieStorageInternals, type RxStorage } from 'rxdb';
import { adaptingInstances } from './storage-wrapper';

/** The index RxDB's Dexie storage adds to every table for its `cleanup()` alone. */
const CLEANUP_INDEX = '_meta.lwt';
type DexieSettings = { addons?: ((db: Dexie) => void)[] } & Record<string, unknown>;

/**
 * RxDB's Dexie storage settings, with its tables created without two indexes nothing reads, each
 * of which IndexedDB would write an entry to for every document stored (each ~0.3 s of the
 * browser's CPU per 10,000 documents in an initial sync, bench/findings.md):
 * - `_meta.lwt` alone, for `cleanup()` only (purging old tombstones), which
 *   `withCleanupByChangeIndex` does on `[_meta.lwt+id]`, the change feed's index;
 * - `[_deleted+id]`, which the storage adds to every table while RxDB's query planner only chooses
 *   among the schema's indexes: the schema lists it only when it has none of its own (RxDB's
 *   default index). RxDB starts every schema index with `_deleted`, so a table with another
 *   `[_deleted+…]` index has indexes of its own and never reads this one (unless the schema
 *   declares its primary key as an index beside others, which no app schema does: a test holds
 *   them to it).
 * Tables created before keep them; Dexie opens them as they are (it only patches indexes missing
 * from the installed schema, never extra ones).
 */
export function withoutUnreadIndexes<S extends object>(settings: S): S {
  const current = (settings as DexieSettings).addons ?? [];
  return { ...settings, addons: [...current, dropUnreadIndexes] };
}

/** A Dexie addon: runs in the constructor, before RxDB declares its tables. */
function dropUnreadIndexes(db: Dexie): void {
  const version = db.version.bind(db);
  db.version = (versionNumber: number) => {
    const declared = version(versionNumber);
    const stores = declared.stores.bind(declared);
    declared.stores = (schema: Record<string, string | null>) =>
      stores(Object.fromEntries(Object.entries(schema).map(([table, spec]) => [table, spec === null ? null : withoutUnreadIndexesOf(spec)])));
    return declared;
  };
}

/** A Dexie table spec without the indexes nothing reads (the first entry is the primary key and stays). */
export function withoutUnreadIndexesOf(spec: string): string {
  const [primaryKey, ...indexes] = spec.split(',').map((part) => part.trim());
  const defaultIndex = `[_deleted+${primaryKey}]`;
  const hasOwnIndexes = indexes.some((index) => index !== defaultIndex && index.startsWith('[_deleted+'));
  const kept = indexes.filter((index) => index !== CLEANUP_INDEX && !(hasOwnIndexes && index === defaultIndex));
  return [primaryKey, ...kept].join(', ');
}

/** RxDB's Dexie storage with `cleanup()` reading the change-feed index (`[_meta.lwt+id]`) instead of the dropped one. */
export function withCleanupByChangeIndex<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  return adaptingInstances(storage, (instance, params) => {
    const internals = (instance as unknown as { internals: DexieStorageInternals }).internals;
    const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
    instance.cleanup = async (minimumDeletedTime: number) => {
      const state = await internals;
      await state.dexieDb.transaction('rw', state.dexieTable, async () => {
        const before = now() - minimumDeletedTime;
        // Every [lwt, id] with lwt < before sorts below [before, -Infinity].
        const old = (await state.dexieTable.where(`[${CLEANUP_INDEX}+${primaryPath}]`).below([before, -Infinity]).toArray()) as Record<string, unknown>[];
        // Stored in Dexie's form: '1' is deleted.
        await state.dexieTable.bulkDelete(old.filter((row) => row._deleted === '1').map((row) => row[primaryPath]));
      });
      return true;
    };
  });
}
