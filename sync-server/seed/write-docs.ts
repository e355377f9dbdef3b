import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import { computeAcl } from '../services/acl';
import type { AccessMeta } from '../store/couch-docs';
import type { Store } from '../store/store';

export const BATCH_SIZE = 500;

export type AclEntry = { doc: AnyDoc; acl: AccessMeta };

/** Each document with the readers the server would give it on a normal write. */
export function withAcl(collection: CollectionName, docs: readonly AnyDoc[]): AclEntry[] {
  return docs.map((doc) => ({ doc, acl: computeAcl(collection, doc) }));
}

/**
 * Insert the documents that are not stored yet, in batches; returns how many were written.
 * Seeding uses fixed ids, so this is what makes it safe to re-run after a crash and to race with a
 * second process: a document already there (or written meanwhile by the other seeder) is left as is,
 * never duplicated and never overwritten.
 */
export async function insertMissing(
  store: Store,
  collection: CollectionName,
  entries: readonly AclEntry[],
  onBatch?: (written: number) => void,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < entries.length; start += BATCH_SIZE) {
    const batch = entries.slice(start, start + BATCH_SIZE);
    written += await insertBatch(store, collection, batch);
    onBatch?.(written);
  }
  return written;
}

async function insertBatch(store: Store, collection: CollectionName, batch: readonly AclEntry[]): Promise<number> {
  const missing = await missingOf(store, collection, batch);
  if (missing.length === 0) return 0;
  try {
    await store.bulkInsert(collection, missing);
    return missing.length;
  } catch (error) {
    // _bulk_docs is not atomic: a conflict means another seeder wrote some of these first. That is
    // fine as long as every one of them is stored now; anything else is a real failure.
    const stillMissing = await missingOf(store, collection, missing);
    if (stillMissing.length > 0) throw error;
    return 0;
  }
}

async function missingOf(store: Store, collection: CollectionName, entries: readonly AclEntry[]): Promise<AclEntry[]> {
  const existing = await store.getMany(collection, entries.map((entry) => entry.doc.id));
  return entries.filter((entry) => !existing.has(entry.doc.id));
}
