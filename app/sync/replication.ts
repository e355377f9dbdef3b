import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxReplicationWriteToMasterRow } from 'rxdb';
import { COLLECTION_NAMES, type AnyDoc, type CollectionName } from '@shared/schemas/collections';
import { DEVICE_HEADER, MAX_PUSH_ROWS } from '@shared/sync/protocol';
import type { AppDatabase } from '../db/database';
import { withoutDerivedFields } from '../db/derived-fields';
import { storedAsServerState } from '../db/edit-base';
import { concatMap, filter, firstValueFrom, merge } from 'rxjs';
import { outboxId } from '../db/outbox';
import { acknowledgePushed, clearServerHeld } from '../db/writes';
import type { ApiClient } from './api-client';
import type { ChangeStream } from './change-stream';
import { loadInitially, type LoadCheckpoints } from './initial-load';
import { LoadOrder, workOrdersFirst } from './load-order';
import { sweepOutboxWhenIdle } from './outbox-sweep';
import type { FirstPages } from './first-pages';
import { withPullAhead, type AskedPage, type PulledPage } from './pull-ahead';
import { pullBatchSize, pullFromServer, type ClientCheckpoint } from './pull-request';
import { pushBodies } from './push-body';
import { isRefusal, pushIsolatingRefusals } from './push-refusals';
import { awaitReferencedPushes } from './push-order';
import { PushGate } from './push-gate';
import { AcknowledgedPushes } from './acknowledged-pushes';

export type { ClientCheckpoint } from './pull-request';
export type CollectionReplication = RxReplicationState<AnyDoc, ClientCheckpoint>;

/** Photos are large: push them a few at a time so one request stays well under the body limit. */
const PUSH_BATCH: Partial<Record<CollectionName, number>> = { attachments: 10 };
/** As many rows as the server takes in one push: fewer round trips and fewer RxDB cycles on a reconnect. */
const DEFAULT_PUSH_BATCH = MAX_PUSH_ROWS;
const MIN_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;
/** Collections only the server writes: nothing to push. */
const PULL_ONLY: readonly CollectionName[] = ['activities'];

/**
 * Replicates every collection with the sync server through RxDB's own replication protocol
 * (https://rxdb.info/replication-http.html): pull by checkpoint, push with the assumed master
 * state, live changes from the shared stream. Only the leader tab replicates; the others see its
 * writes through IndexedDB. Failed requests retry with exponential backoff; writes are never dropped.
 */
export function startReplications(
  db: AppDatabase,
  api: ApiClient,
  stream: ChangeStream,
  userId: string,
  collections: readonly CollectionName[] = COLLECTION_NAMES,
  startAfter: Promise<void> = Promise.resolve(),
  firstPages?: FirstPages,
): CollectionReplication[] {
  const order = new LoadOrder(collections);
  const started = new Map(workOrdersFirst(collections).map((collection) => [collection, startCollectionReplication(db, api, stream, userId, collection, { startAfter, order, firstPage: firstPages?.get(collection) })]));
  return collections.map((collection) => started.get(collection)!);
}

type StartOptions = { startAfter: Promise<void>; order: LoadOrder; firstPage?: AskedPage<ClientCheckpoint> };

function startCollectionReplication(db: AppDatabase, api: ApiClient, stream: ChangeStream, userId: string, collection: CollectionName, start: StartOptions) {
  const acknowledged = new AcknowledgedPushes(collection, () => stream.openings);
  // When each page was asked for, as the acknowledged pushes stood (pages fetched ahead included).
  const askedAt = new WeakMap<PulledPage<ClientCheckpoint>, number>();
  const fetchPage = async (checkpoint: ClientCheckpoint | undefined, limit: number) => {
    const position = acknowledged.position;
    const page = await pullFromServer(api, collection, checkpoint?.value, limit);
    askedAt.set(page, position);
    return page;
  };
  const pullPage = withPullAhead<ClientCheckpoint>(fetchPage, (checkpoint) => checkpoint?.value ?? '', start.firstPage);
  const gate = new PushGate();
  // Per user: another user's checkpoint on this device must never be reused.
  const replicationIdentifier = `fs-sync-v1-${userId}-${collection}`;
  const batchSize = pullBatchSize(collection);
  const replication: CollectionReplication = replicateRxCollection<AnyDoc, ClientCheckpoint>({
    collection: db.collections[collection] as never,
    replicationIdentifier,
    live: true,
    retryTime: MIN_RETRY_MS,
    waitForLeadership: true,
    // RxDB would start (or pause) a replication as its tab comes to the front (or goes behind):
    // the app starts it after the first screen and a fresh device's load, in the leader tab only,
    // which replicates whether it is in front or not.
    toggleOnDocumentVisible: false,
    // Started below, once a fresh collection has been loaded.
    autoStart: false,
    pull: {
      batchSize,
      // Pulled documents (pages and stream events alike) settle their outbox entries a page at a time.
      stream$: stream.streamFor(collection).pipe(
        concatMap(async (item) => {
          if (item === 'RESYNC') {
            acknowledged.reconnected();
            return item;
          }
          await gate.passage(item.documents.map((doc) => doc.id));
          // RxDB stores a stream event once its upstream is idle, over whatever it pushed meanwhile:
          // the event is judged against the pushes acknowledged by then (app/sync/acknowledged-pushes.ts).
          await upstreamIdle(replication);
          const documents = acknowledged.streamed(item.documents);
          // The stream must never error (RxDB would stop listening); an entry left over here is
          // settled by the next pull of the same document, so a failure only delays the marker.
          await clearServerHeld(db, collection, documents).catch((error: unknown) => console.warn('could not settle outbox entries from the stream', error));
          return documents.length === item.documents.length ? item : { ...item, documents };
        }),
      ),
      handler: async (checkpoint, batchSize) => {
        for (let reads = 1; ; reads++) {
          const page = await whenSendable(replication, stream, api, () => pullPage(checkpoint, batchSize));
          await gate.passage(page.documents.map((doc) => doc.id));
          // Read before a push of one of its documents was acknowledged, the page may hold an older
          // state than that push: it is read again (app/sync/acknowledged-pushes.ts), a few times at
          // most, so a device pushing the same documents without pause still gets its page.
          if (reads < MAX_PAGE_READS && acknowledged.predates(page.documents, askedAt.get(page) ?? 0)) continue;
          await clearServerHeld(db, collection, page.documents);
          return page;
        }
      },
    },
    push: PULL_ONLY.includes(collection)
      ? undefined
      : {
          batchSize: PUSH_BATCH[collection] ?? DEFAULT_PUSH_BATCH,
          handler: async (rows: RxReplicationWriteToMasterRow<AnyDoc>[]) => {
            await fillEditBases(db, collection, rows);
            const changed = await withLocalChanges(db, collection, rows);
            await awaitReferencedPushes(db, collection, changed.map((row) => row.newDocumentState), { stopped$: replication.canceled$.pipe(filter(Boolean)) });
            // Not pushed after a stop (a sign-out wipes the device next); RxDB ends its retries on a stopped replication.
            if (replication.isStopped()) throw new Error(`replication of ${collection} stopped before its push`);
            const ids = rows.map((row) => row.newDocumentState.id);
            let settle!: (recorded: Promise<void>) => void;
            gate.hold(ids, new Promise<void>((resolve) => (settle = (recorded) => void recorded.then(resolve))));
            try {
              const device = await db.storageToken;
              const send = (rows: RxReplicationWriteToMasterRow<AnyDoc>[]) => whenSendable(replication, stream, api, () => pushRows(api, collection, rows, device));
              const conflicts = changed.length > 0 ? await send(changed).catch((error: unknown) => (isRefusal(error) ? pushIsolatingRefusals(db, collection, changed, send) : Promise.reject(error))) : [];
              const conflicted = new Set(conflicts.map((doc) => doc.id));
              acknowledged.acknowledged(changed.filter((row) => !conflicted.has(row.newDocumentState.id)));
              await acknowledgePushed(db, collection, changed.map((row) => row.newDocumentState), conflicts);
              settle(pushRecorded(replication, ids.filter((id) => !conflicted.has(id))));
              return conflicts;
            } catch (error) {
              settle(Promise.resolve());
              throw error;
            }
          },
        },
  });
  applyBackoff(replication);
  catchUpWhenVisible(replication);
  if (replication.push) sweepOutboxWhenIdle(db, collection, replication);
  const load = () =>
    loadInitially(db.collections[collection] as never, replicationIdentifier, pullPage, batchSize, {
      stopped: () => replication.isStopped(),
      beforeMorePages: () => start.order.bulkTurn(collection),
      beforeOnlyPage: () => start.order.onePageTurn(collection),
      firstPageOut: () => start.order.firstPageOut(collection),
    });
  void startAfterInitialLoad(db, replication, start, load);
  return replication;
}

/**
 * Once `startAfter` resolves (the app passes "the first screen has shown"), and only in the leader
 * tab (RxDB waits for leadership the same way): a fresh collection is loaded first and RxDB's
 * replication then starts where the load stopped.
 */
async function startAfterInitialLoad(db: AppDatabase, replication: CollectionReplication, { startAfter, order }: StartOptions, load: () => Promise<LoadCheckpoints<ClientCheckpoint>>): Promise<void> {
  await startAfter;
  if (db.multiInstance) await db.waitForLeadership();
  try {
    if (replication.isStopped()) return;
    // The status bar shows the load as syncing; RxDB's own activity takes over once it starts.
    replication.subjects.active.next(true);
    const checkpoints = await load().catch((error: unknown) => {
      console.error('initial load failed: the replication starts from the beginning instead', error);
      return {} as LoadCheckpoints<ClientCheckpoint>;
    });
    if (replication.isStopped()) return;
    if (replication.pull) replication.pull.initialCheckpoint = checkpoints.down;
    if (replication.push) replication.push.initialCheckpoint = checkpoints.up;
    await replication.start().catch((error: unknown) => console.error(`replication of ${replication.collection.name} did not start`, error));
  } finally {
    order.settled(replication.collection.name);
  }
}

/**
 * A document the initial load stored has no replication meta until the server next changes it, so
 * RxDB pushes its first local edit without an assumed master state; the outbox kept that edit's
 * base (app/db/edit-base.ts). RxDB hands the same row objects to its conflict handler, so a
 * conflict merges against that base too.
 */
async function fillEditBases(db: AppDatabase, collection: CollectionName, rows: RxReplicationWriteToMasterRow<AnyDoc>[]): Promise<void> {
  const missing = rows.filter((row) => !row.assumedMasterState);
  if (missing.length === 0) return;
  const entries = await db.outbox.findByIds(missing.map((row) => outboxId(collection, row.newDocumentState.id))).exec();
  for (const row of missing) {
    // Read-only, not a copy: the push serializes it and the merge never changes its inputs.
    const base = entries.get(outboxId(collection, row.newDocumentState.id))?.toJSON().base;
    if (base) row.assumedMasterState = base as AnyDoc;
  }
}

/**
 * The rows that carry something of this device's own. RxDB's upstream reads every document written
 * after its checkpoint, and a document it holds no meta for goes up without a base: the initial
 * load's pages after a local write, or all of them when a load was cut short before it saved its
 * progress (a reload mid-sync). Such a document still stored exactly as the server sent it is not
 * sent back; RxDB then records it as the server's state, which it is.
 */
async function withLocalChanges(db: AppDatabase, collection: CollectionName, rows: RxReplicationWriteToMasterRow<AnyDoc>[]) {
  const unbased = rows.filter((row) => !row.assumedMasterState).map((row) => row.newDocumentState.id);
  const asServerSent = await storedAsServerState(db, collection, unbased);
  return rows.filter((row) => row.assumedMasterState || !asServerSent.has(row.newDocumentState.id));
}

/**
 * A handler's request through the reachability gate the stream shares (app/sync/reachability.ts):
 * while the server is out of reach it waits for the gate to open and goes again at once, rather
 * than failing to RxDB, whose per-collection `retryTime` (grown to a minute) would each retry on
 * their own timer and outlast the server's return. Any other failure goes to RxDB as before.
 */
function whenReachable<T>(replication: CollectionReplication, stream: ChangeStream, request: () => Promise<T>): Promise<T> {
  return stream.reachability.send(request, stopOf(replication));
}

/**
 * The same, and while the session cannot be renewed (a password reset, an expired session) the
 * request waits for the user to sign in again (app/sync/sign-in-gate.ts) and goes at once then,
 * rather than failing to RxDB's backoff, which would keep pushes waiting up to a minute after it.
 */
function whenSendable<T>(replication: CollectionReplication, stream: ChangeStream, api: ApiClient, request: () => Promise<T>): Promise<T> {
  return api.signInGate.send(() => whenReachable(replication, stream, request), stopOf(replication));
}

function stopOf(replication: CollectionReplication) {
  return { stopped$: replication.canceled$.pipe(filter(Boolean)), isStopped: () => replication.isStopped() };
}

/** One push batch in as many requests as its size needs (side by side: they hold different documents). */
async function pushRows(api: ApiClient, collection: CollectionName, rows: RxReplicationWriteToMasterRow<AnyDoc>[], device: string): Promise<AnyDoc[]> {
  // Derived index fields are the device's own (app/db/derived-fields.ts): the server never sees them.
  const sent = rows.map((row) => ({ ...row, newDocumentState: withoutDerivedFields(row.newDocumentState), assumedMasterState: withoutDerivedFields(row.assumedMasterState) }));
  const answers = await Promise.all(pushBodies(sent).map((body) => api.request<AnyDoc[]>(`/api/sync/${collection}/push`, { method: 'POST', body, headers: { [DEVICE_HEADER]: device } })));
  return answers.flat();
}

/**
 * Resolves once RxDB's upstream is idle (its pushes recorded), as RxDB itself waits before it
 * stores a stream event; at once on a stopped replication.
 */
async function upstreamIdle(replication: CollectionReplication): Promise<void> {
  const busy = replication.internalReplicationState?.events.active.up;
  if (!busy || !busy.getValue()) return;
  await firstValueFrom(merge(busy.pipe(filter((active) => !active)), replication.canceled$.pipe(filter(Boolean))), { defaultValue: false });
}

/** Reads of one pull page at most, when pushes of its documents keep being acknowledged meanwhile. */
const MAX_PAGE_READS = 4;

/** Longest wait for RxDB to record a push (it records nothing when the replication stops meanwhile). */
const RECORD_TIMEOUT_MS = 5_000;

/**
 * Resolves once RxDB has stored these pushed documents as the server's assumed state: it writes
 * that replication metadata right after the push handler returns.
 */
function pushRecorded(replication: CollectionReplication, ids: readonly string[]): Promise<void> {
  const meta = replication.metaInstance;
  if (!meta || ids.length === 0) return Promise.resolve();
  const waiting = new Set(ids);
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      subscription.unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, RECORD_TIMEOUT_MS);
    const subscription = meta.changeStream().subscribe((bulk) => {
      for (const event of bulk.events) if (event.documentData.isCheckpoint === '0') waiting.delete(event.documentData.itemId);
      if (waiting.size === 0) done();
    });
  });
}

/**
 * Resolves once the replication has pulled what the server held when it started (its first pass
 * down), whatever its pushes are doing. Only the leader tab's replications ever get there.
 */
export async function firstPullDone(replication: CollectionReplication): Promise<void> {
  await replication.startPromise;
  const state = replication.internalReplicationState;
  if (state) await firstValueFrom(state.firstSyncDone.down.pipe(filter(Boolean)), { defaultValue: false });
}

/**
 * Try again (the browser is back online, the user pressed retry): pulls start over now, and the
 * backoff that grew while the device was offline no longer delays the next failed push. (A push
 * retry already waiting keeps its wait; RxDB ends it early only when the browser comes online.)
 */
export function retryNow(replication: CollectionReplication): void {
  replication.retryTime = MIN_RETRY_MS;
  replication.reSync();
}

/**
 * The catch-up RxDB's own visibility handling gave (turned off above, as it also started
 * replications): a started replication pulls what it missed when its tab is back in front, as a
 * frozen tab's stream may be dead.
 */
function catchUpWhenVisible(replication: CollectionReplication): void {
  if (typeof document === 'undefined') return;
  const onVisibility = () => {
    if (document.visibilityState === 'visible' && replication.internalReplicationState && !replication.isStopped()) retryNow(replication);
  };
  document.addEventListener('visibilitychange', onVisibility);
  replication.onCancel.push(() => document.removeEventListener('visibilitychange', onVisibility));
}

/** RxDB retries after a constant `retryTime`; double it on each failure, reset it on success. */
function applyBackoff(replication: CollectionReplication): void {
  replication.error$.subscribe(() => {
    replication.retryTime = Math.min((replication.retryTime ?? MIN_RETRY_MS) * 2, MAX_RETRY_MS);
  });
  replication.received$.subscribe(() => (replication.retryTime = MIN_RETRY_MS));
  replication.sent$.subscribe(() => (replication.retryTime = MIN_RETRY_MS));
}
