import type { Dexie } from 'dexie';
import { getPrimaryFieldOfPrimaryKey, now, type DexieStorageInternals, type RxStorage } from 'rxdb';
import { adaptingInstances } from './storage-wrapper';

/** The index RxDB's Dexie storage adds to every table for its `cleanup()` alone. */
const CLEANUP_INDEX = '_meta.lwt';
type DexieSettings = { addons?: ((db: Dexie) => void)[] } & Record<string, unknown>;

/**
 * RxDB's Dexie storage settings, with its tables created without the `_meta.lwt` index. Every
 * table also has `[_meta.lwt+id]` (the change feed's), which orders by the same time: the lone one
 * serves only `cleanup()` (purging old tombstones, which `withCleanupByChangeIndex` does on the
 * compound one), yet IndexedDB writes an entry to it for every document stored (one of the six
 * writes per work order an initial sync made, bench/findings.md). Tables created before keep it; Dexie opens them
 * as they are (it only patches indexes missing from the installed schema, never extra ones).
 */
export function withoutCleanupIndex<S extends object>(settings: S): S {
  const current = (settings as DexieSettings).addons ?? [];
  return { ...settings, addons: [...current, dropCleanupIndex] };
}

/** A Dexie addon: runs in the constructor, before RxDB declares its tables. */
function dropCleanupIndex(db: Dexie): void {
  const version = db.version.bind(db);
  db.version = (versionNumber: number) => {
    const declared = version(versionNumber);
    const stores = declared.stores.bind(declared);
    declared.stores = (schema: Record<string, string | null>) =>
      stores(Object.fromEntries(Object.entries(schema).map(([table, spec]) => [table, spec === null ? null : withoutIndex(spec, CLEANUP_INDEX)])));
    return declared;
  };
}

/** A Dexie table spec without one secondary index (the first entry is the primary key and stays). */
function withoutIndex(spec: string, index: string): string {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter((part, position) => position === 0 || part !== index)
    .join(', ');
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
