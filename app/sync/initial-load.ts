import {
  createRevision,
  deepEqual,
  getChangedDocumentsSince,
  getHeightOfRevision,
  getUnderlyingPersistentStorage,
  now,
  type BulkWriteRow,
  type RxCollection,
  type RxDocumentData,
  type RxStorageInstance,
  writeDocToDocState,
} from 'rxdb';
import type { AnyDoc } from '@shared/schemas/collections';
import { setDerivedFields } from '../db/derived-fields';
import { rawAdderFor, type RawAdder } from '../db/raw-adds';
import { isServerState } from '../db/edit-base';
import type { OutboxEntry } from '../db/outbox';
import type { PulledPage } from './pull-ahead';

/** Where RxDB's replication takes over after a load: the server's pull checkpoint and the local change feed's. */
export type LoadCheckpoints<C> = { down?: C; up?: ForkCheckpoint };
/** The local change feed's position (RxDB's Dexie storage orders changes by last write time, then id). */
export type ForkCheckpoint = { id: string; lwt: number };
/** `done`: the load is over and RxDB's replication has the rest (a load cut short by a closed tab resumes). */
type LoadProgress<C> = LoadCheckpoints<C> & { done: boolean };
type ForkStorage = RxStorageInstance<AnyDoc, unknown, unknown, ForkCheckpoint>;

type LoadOptions = {
  /** The replication was stopped: the load ends after the page it is storing. */
  stopped?: () => boolean;
  /** Awaited once, when the first page stored was full, before the second (app/sync/load-order.ts). */
  beforeMorePages?: () => Promise<void>;
  /** Awaited by a load of one page before it writes that page (app/sync/load-order.ts). */
  beforeOnlyPage?: () => Promise<void>;
  /** Told once a load of several pages has handed its first page to IndexedDB. */
  firstPageOut?: () => void;
};

/** The User Timing mark of each page the load has stored (its detail names the collection). */
export const PAGE_STORED_MARK = 'fs:initial-load-page-stored';
/** The write context of the load: its own writes are told apart from the user's in the change feed. */
const LOAD_CONTEXT = 'fs-initial-load';
const SCAN_BATCH = 1000;

/**
 * A fresh device's first sync of one collection, outside RxDB's per-page downstream.
 *
 * RxDB's downstream reads the local documents and their replication meta before it stores a
 * page, then writes each document twice: itself and its meta (the assumed master state, a full
 * copy). On an empty collection there is nothing to read and nothing to merge, so the load writes
 * each pulled page once, as RxDB's downstream would write it, marked as the server's state
 * (`_meta.o`, which RxDB reads as "synced from the master, meta not written yet": RxDB #7804).
 * The meta follows lazily: RxDB writes it when the server next changes the document, and a local
 * edit records its base first (app/db/writes.ts). Then RxDB's replication starts at the
 * checkpoints the load reached. Pages go straight into RxDB's Dexie table (app/db/raw-adds.ts),
 * each handed to IndexedDB while the one before commits. Progress is kept per page in a local document, so an interrupted
 * load resumes where it stopped instead of leaving RxDB to push every loaded document back. The
 * load's start is saved before its first page, so that stored documents without any progress are
 * never the load's; a page stored after the last saved progress is read again on resume, and its
 * server states are replaced where the server has newer ones. A load of one page (most
 * collections) saves no start and does not wait for its progress: see `isWholeLoad`.
 */
export async function loadInitially<C>(
  collection: RxCollection<AnyDoc>,
  replicationIdentifier: string,
  pullPage: (checkpoint: C | undefined, limit: number) => Promise<PulledPage<C>>,
  batchSize: number,
  { stopped = () => false, beforeMorePages, beforeOnlyPage, firstPageOut }: LoadOptions = {},
): Promise<LoadCheckpoints<C>> {
  // The collection's own storage, not its wrapper: the wrapper stamps every inserted document with
  // fresh `_meta`, which would drop the mark of the server's state.
  const storage = getUnderlyingPersistentStorage(collection.internalStorageInstance) as ForkStorage;
  const progressKey = `initial-load-${replicationIdentifier}`;
  const saved = (await collection.database.getLocal<LoadProgress<C>>(progressKey))?.toJSON().data as LoadProgress<C> | undefined;
  if (saved?.done) return saved;
  const localWrites = watchLocalWrites(storage);
  // Progress is saved while the next page is written; saves stay in order.
  let saving = Promise.resolve();
  const save = (progress: LoadProgress<C>) => {
    saving = saving.then(() => collection.database.upsertLocal(progressKey, progress)).then(() => undefined);
    // A failure is reported once, when the load ends; meanwhile it must not surface as unhandled.
    saving.catch(() => undefined);
    return saving;
  };
  try {
    // Documents without any progress: the load's own only when every one is a server state, left by
    // a load of one page whose tab went away before its save (`isWholeLoad`); it reads on from the
    // start. Anything else is the user's and RxDB's.
    if (!saved && !(await isEmpty(storage)) && (await firstLocalWriteSince(storage, undefined)) !== Number.POSITIVE_INFINITY) return {};
    // A resumed load may find pages stored after the last saved progress (the tab went away between
    // a page and its save), and writes the user made back then that RxDB's upstream must still see.
    if (saved) localWrites.sawLocalWriteAt(await firstLocalWriteSince(storage, saved.up));
    const hash = await collection.database.hashFunction(`rxdbreplication${replicationIdentifier}`);
    let progress: LoadProgress<C> = saved ?? { done: false };
    let started: Promise<void> | undefined;
    let wholeLoadInOnePage = false;
    const add = await rawAdderFor(storage);
    let failed = false;
    // Progress moves in page order, and only past pages stored: a failed page ends the load there.
    const recordStored = async (writing: Promise<ForkCheckpoint | undefined>, reached: LoadProgress<C>) => {
      // Settled first, even after a failed page: no write of the load outlives it into RxDB's replication.
      const outcome = await writing.then((written) => ({ written }), (error: unknown) => ({ error }));
      if (failed) return;
      if ('error' in outcome) {
        failed = true;
        warnStopped(collection.name, outcome.error);
        progress = { ...progress, done: true };
      } else {
        progress = { ...reached, up: localWrites.upstreamFrom(outcome.written, progress.up) };
        // A User Timing mark per stored page: DevTools' performance panel and the bench place the load with it.
        performance.mark(PAGE_STORED_MARK, { detail: { collection: collection.name } });
      }
      void save(progress);
    };
    let down = progress.down;
    let pulledAll = progress.done;
    let inFlight = Promise.resolve();
    let pagesPulled = 0;
    while (!pulledAll && !failed && !stopped()) {
      let page: PulledPage<C>;
      try {
        page = await pullPage(down, batchSize);
      } catch (error) {
        warnStopped(collection.name, error);
        break;
      }
      if (pagesPulled === 0 && !saved) {
        wholeLoadInOnePage = isWholeLoad(page, batchSize);
        // Saved before the first page is stored, so that documents without progress are never the load's.
        if (!wholeLoadInOnePage) started = save(progress);
      }
      await started;
      if (pagesPulled === 0 && wholeLoadInOnePage) await beforeOnlyPage?.();
      if (pagesPulled++ === 1) await beforeMorePages?.();
      // A sign-out closes the database meanwhile: nothing more is written.
      if (stopped()) break;
      // Two pages in flight at most: this one is handed to IndexedDB while the one before commits.
      const writing = writePage(storage, add, collection.name, page.documents, hash);
      writing.catch(() => undefined);
      if (pagesPulled === 1 && !wholeLoadInOnePage) firstPageOut?.();
      down = page.checkpoint ?? down;
      pulledAll = page.documents.length < batchSize;
      const previous = inFlight;
      const reached = { down, done: pulledAll };
      inFlight = previous.then(() => recordStored(writing, reached));
      await previous;
    }
    await inFlight;
    // Another tab's write during the load reaches this tab's change feed late, over a
    // BroadcastChannel: the outbox, which holds every write not yet pushed, has it already.
    if (!stopped() && progress.up) progress = { ...progress, up: await upstreamBeforeUnpushed(collection, storage, progress.up) };
    if (!progress.done && !stopped()) {
      // The pull failed: RxDB's replication takes the rest from where the load got.
      progress = { ...progress, done: true };
      void save(progress);
    }
    // Progress only spares a resumed load some pages: failing to save it loses nothing.
    const progressSaved = saving.catch((error: unknown) => console.warn(`could not save the initial load's progress of ${collection.name}`, error));
    if (!wholeLoadInOnePage) await progressSaved;
    return progress;
  } finally {
    localWrites.stop();
  }
}

/**
 * The upstream checkpoint, moved back before the first write not yet pushed when it had passed it
 * (RxDB's upstream then reads that write and the pages after it; what is still the server's state
 * is left out of the push, app/sync/replication.ts).
 */
async function upstreamBeforeUnpushed(collection: RxCollection<AnyDoc>, storage: ForkStorage, up: ForkCheckpoint): Promise<ForkCheckpoint> {
  const outbox = (collection.database.collections as { outbox?: RxCollection<OutboxEntry> }).outbox;
  const entries = outbox ? await outbox.find({ selector: { collectionName: collection.name } }).exec() : [];
  if (entries.length === 0) return up;
  const stored = await storage.findDocumentsById(entries.map((entry) => entry.docId), true);
  const first = Math.min(...stored.filter((doc) => !isServerState(doc as RxDocumentData<AnyDoc>)).map((doc) => doc._meta.lwt));
  // Every change at or after `first`: the feed reads past (lwt, id), and every id sorts after ''.
  return first <= up.lwt ? { id: '', lwt: first } : up;
}

/**
 * A first page that is not full is the whole load. Its progress is not worth a wait: the saves of
 * every collection go to one table, one after another, and each waited behind the page IndexedDB
 * was writing when it came, so a dozen small collections took turns with the work orders' pages
 * (~0.2 s at the start of a fresh device's sync). Should the tab go away after such a page and
 * before its progress, the next start finds documents without progress, all stored as the server
 * sent them, and reads on as a load from the start (tests/integration/initial-load-resume.test.ts).
 * RxDB's replication from scratch would do too, but its downstream and upstream then race to write
 * the same documents' meta (a 409 reported as a pull error, then retried).
 */
const isWholeLoad = <C>(page: PulledPage<C>, batchSize: number) => page.documents.length < batchSize;

/** RxDB's replication takes the rest from where the load got: it retries with backoff and reports errors. */
function warnStopped(collectionName: string, error: unknown): void {
  console.warn(`initial load of ${collectionName} stopped; the replication goes on from there`, error);
}

async function isEmpty(storage: ForkStorage): Promise<boolean> {
  const { documents } = await getChangedDocumentsSince(storage, 1);
  return documents.length === 0;
}

/** Stores one pulled page as RxDB's downstream stores the server's state; returns the page's position in the change feed. */
async function writePage(storage: ForkStorage, add: RawAdder | undefined, collectionName: string, documents: AnyDoc[], hash: string): Promise<ForkCheckpoint | undefined> {
  if (documents.length === 0) return undefined;
  const rows: BulkWriteRow<AnyDoc>[] = documents.map((doc) => ({
    // This write bypasses RxDB's write path, so the derived fields its hook sets are set here.
    document: setDerivedFields(collectionName, {
      ...doc,
      _deleted: Boolean(doc._deleted),
      _attachments: {},
      _rev: createRevision(hash),
      _meta: { lwt: now(), o: { _rev: 1, hash } },
    } as unknown as RxDocumentData<AnyDoc>),
  }));
  // Added straight into the table (the requests go out now, before any await); what is stored already takes RxDB's write and its 409s.
  const adding = add?.(rows.map((row) => row.document), LOAD_CONTEXT);
  const storedAlready = adding ? new Set(await adding) : undefined;
  const throughRxdb = storedAlready ? rows.filter((row) => storedAlready.has(row.document.id)) : rows;
  const { error } = throughRxdb.length > 0 ? await storage.bulkWrite(throughRxdb, LOAD_CONTEXT) : { error: [] };
  // 409: the document is stored already. A user's write stands (RxDB replicates it as usual); a
  // server state stored by an earlier, unsaved run of this load is replaced by the newer one.
  const replaced = error.flatMap((failure) => {
    const stored = failure.status === 409 ? failure.documentInDb : undefined;
    return stored && isServerState(stored) && isNewer(failure.writeRow.document, stored) ? [replacing(stored, failure.writeRow.document, hash)] : [];
  });
  const failed: unknown[] = error.filter((failure) => failure.status !== 409);
  // A 409 now: the user wrote it in between; theirs stands.
  if (replaced.length > 0) failed.push(...(await storage.bulkWrite(replaced, LOAD_CONTEXT)).error.filter((failure) => failure.status !== 409));
  if (failed.length > 0) throw new Error(`initial load: could not store ${failed.length} documents (${(failed[0] as { status: number }).status})`);
  // The replacements went last: the page ends at the last of them.
  const last = (replaced.at(-1) ?? rows.at(-1))?.document as RxDocumentData<AnyDoc>;
  return { id: last.id, lwt: last._meta.lwt };
}

/** The server stamps `updatedAt` on every write it accepts: never replace a version with an older one. */
const isNewer = (pulled: RxDocumentData<AnyDoc>, stored: RxDocumentData<AnyDoc>) =>
  pulled.updatedAt >= stored.updatedAt && !deepEqual(writeDocToDocState(pulled, false, false), writeDocToDocState(stored, false, false));

function replacing(previous: RxDocumentData<AnyDoc>, pulled: RxDocumentData<AnyDoc>, hash: string): BulkWriteRow<AnyDoc> {
  const revision = createRevision(hash, previous as never);
  return { previous, document: { ...pulled, _rev: revision, _meta: { lwt: now(), o: { _rev: getHeightOfRevision(revision), hash } } } };
}

/**
 * The change-feed time of the first document after `since` that is not stored as the server sent
 * it: a write of the user's, which RxDB's upstream must read (Infinity when there is none).
 */
async function firstLocalWriteSince(storage: ForkStorage, since: ForkCheckpoint | undefined): Promise<number> {
  let checkpoint = since;
  let first = Number.POSITIVE_INFINITY;
  for (;;) {
    const { documents, checkpoint: next } = await getChangedDocumentsSince(storage, SCAN_BATCH, checkpoint);
    for (const doc of documents) if (!isServerState(doc as RxDocumentData<AnyDoc>)) first = Math.min(first, doc._meta.lwt);
    if (documents.length < SCAN_BATCH || !next) return first;
    checkpoint = next;
  }
}

/**
 * The user may write while the load runs (the first screen is usable meanwhile). RxDB's upstream
 * must start no later than the first such write, so the upstream checkpoint only moves past pages
 * written entirely before it; pages after it are read once more by RxDB's upstream, whose push
 * leaves out what is still stored as the server sent it (app/sync/replication.ts).
 */
function watchLocalWrites(storage: ForkStorage) {
  let first = Number.POSITIVE_INFINITY;
  const subscription = storage.changeStream().subscribe((bulk) => {
    if (bulk.context === LOAD_CONTEXT) return;
    for (const event of bulk.events) first = Math.min(first, event.documentData._meta.lwt);
  });
  return {
    sawLocalWriteAt: (lwt: number) => (first = Math.min(first, lwt)),
    upstreamFrom: (written: ForkCheckpoint | undefined, previous: ForkCheckpoint | undefined) => (written && written.lwt < first ? written : previous),
    stop: () => subscription.unsubscribe(),
  };
}
