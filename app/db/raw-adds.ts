import { randomToken, type DexieStorageInternals, type EventBulk, type RxDocumentData, type RxStorageChangeEvent, type RxStorageInstance } from 'rxdb';
import { DEXIE_DOCS_TABLE_NAME } from 'rxdb/plugins/storage-dexie';
import { toDexieForm } from './dexie-stored-form';
import type { AnyDoc } from '@shared/schemas/collections';

type Stored = RxDocumentData<AnyDoc>;
type DexieState = Awaited<DexieStorageInternals>;
/** What the adds need of RxDB's Dexie storage instance: its internals and its change feed. */
type DexieInstance = { internals: DexieStorageInternals; changes$: { next: (bulk: EventBulk<RxStorageChangeEvent<Stored>, unknown>) => void } };

/** Adds documents to one collection's store; resolves, once committed, with the ids that were stored already (not written). */
export type RawAdder = (docs: Stored[], context: string) => Promise<string[]>;

/**
 * RxDB drops an event bulk whose id it has seen in the last minute, in every tab: the ids carry a
 * random prefix per page load, as RxDB's own do, so another tab's bulks never shadow these.
 */
const EVENT_BULK_PREFIX = `fs-raw-add-${randomToken(10)}-`;
let eventBulkCount = 0;

/**
 * New documents straight into the IndexedDB table of RxDB's Dexie storage, for a fresh
 * collection's first sync (app/sync/initial-load.ts). RxDB's own `bulkWrite` first reads every
 * written id in its transaction to find conflicts, converts every key of every document, and goes
 * through Dexie's promise bookkeeping; on an empty table none of it finds anything. Here each
 * document is added (`add` refuses an existing key, so nothing stored is ever overwritten), and the
 * change event RxDB would have emitted for an insert follows the commit, so queries, the document
 * cache and other tabs learn of it as they would. The requests are issued when `add` is called,
 * not when the transaction starts: the next page's documents are serialized while IndexedDB
 * still commits the previous one.
 *
 * Undefined for any storage but RxDB's Dexie one (it then writes through RxDB).
 */
export async function rawAdderFor(storage: RxStorageInstance<AnyDoc, unknown, unknown, unknown>): Promise<RawAdder | undefined> {
  const instance = storage as unknown as Partial<DexieInstance>;
  if (!instance.internals || !instance.changes$) return undefined;
  const state = await instance.internals;
  const changes$ = instance.changes$;
  const toStored = toDexieForm(state.booleanIndexes);
  return (docs, context) => addAll(state, toStored, docs).then((existing) => {
    emitInserts(changes$, docs, existing, context);
    return existing;
  });
}

function addAll(state: DexieState, toStored: (doc: Stored) => Record<string, unknown>, docs: Stored[]): Promise<string[]> {
  const connection = state.dexieDb.backendDB();
  const transaction = connection.transaction(DEXIE_DOCS_TABLE_NAME, 'readwrite');
  const store = transaction.objectStore(DEXIE_DOCS_TABLE_NAME);
  const existing: string[] = [];
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve(existing);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted the add'));
    try {
      for (const doc of docs) {
        const request = store.add(toStored(doc));
        request.onerror = (event) => {
          if (request.error?.name !== 'ConstraintError') return;
          // Stored already: that one is left as it is and the rest of the transaction goes on.
          event.preventDefault();
          existing.push(doc.id);
        };
      }
    } catch (error) {
      // A document IndexedDB refuses outright (no key, not cloneable): none of the page is stored,
      // not the part already handed over, which would otherwise commit without its events.
      transaction.abort();
      reject(error as Error);
    }
  });
}

/** As RxDB's `bulkWrite` reports inserts: one event per document not deleted, the bulk's checkpoint at its last written document. */
function emitInserts(changes$: DexieInstance['changes$'], docs: Stored[], existing: string[], context: string): void {
  const skipped = new Set(existing);
  const written = skipped.size === 0 ? docs : docs.filter((doc) => !skipped.has(doc.id));
  const last = written.at(-1);
  if (!last) return;
  const events = written.filter((doc) => !doc._deleted).map((doc): RxStorageChangeEvent<Stored> => ({ documentId: doc.id, operation: 'INSERT', documentData: doc, previousDocumentData: undefined }));
  if (events.length === 0) return;
  changes$.next({ id: `${EVENT_BULK_PREFIX}${++eventBulkCount}`, events, checkpoint: { id: last.id, lwt: last._meta.lwt }, context });
}
