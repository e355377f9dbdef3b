import { getHeightOfRevision, writeDocToDocState, type RxDocumentData } from 'rxdb';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { AppDatabase } from './database';
import { withoutDerivedFields } from './derived-fields';
import { outboxId } from './outbox';

type Base = Record<string, unknown>;

/**
 * The base a local edit starts from, when RxDB may hold no replication meta for the document: the
 * stored version is still the server's as pulled (RxDB marks such a revision in `_meta.o`; the
 * initial load writes the same mark and leaves the meta for later). The outbox keeps it until the
 * push, which sends it as the assumed master state (app/sync/replication.ts) so the server can
 * tell an edit of its current version from a stale one, and a conflict merges three ways.
 * Undefined when the stored version is a local edit (the base recorded then is kept).
 */
export async function editBaseOf(db: AppDatabase, collection: CollectionName, id: string): Promise<Base | undefined> {
  const [stored] = await db.collections[collection].storageInstance.findDocumentsById([id], true);
  if (stored && isServerState(stored as RxDocumentData<AnyDoc>)) return asReplicatedState(stored) as Base;
  const entry = await db.outbox.findOne(outboxId(collection, id)).exec();
  return entry?.toMutableJSON().base;
}

/** A stored document as the replication compares it: fields and `_deleted`, without storage internals or derived fields. */
export function asReplicatedState(stored: RxDocumentData<AnyDoc>): AnyDoc {
  return withoutDerivedFields(writeDocToDocState(stored, false, false)) as AnyDoc;
}

/** Stored exactly as the server sent it: RxDB's mark of a pulled revision is on the current one. */
export function isServerState(doc: RxDocumentData<AnyDoc>): boolean {
  const origin = (doc._meta as { o?: { _rev?: number } }).o;
  return origin?._rev === getHeightOfRevision(doc._rev);
}

/**
 * Of these documents, the ones stored exactly as the server sent them (the initial load's writes,
 * and pulls whose meta RxDB has not written yet): the device has nothing of its own to push for them.
 */
export async function storedAsServerState(db: AppDatabase, collection: CollectionName, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  // Deleted ones too: the load stores the server's deletions like any document.
  const stored = await db.collections[collection].storageInstance.findDocumentsById([...ids], true);
  return new Set(stored.filter((doc) => isServerState(doc as RxDocumentData<AnyDoc>)).map((doc) => (doc as RxDocumentData<AnyDoc>).id));
}
