import { firstValueFrom } from 'rxjs';
import { ulid } from 'ulid';
import type { Asset } from '@shared/schemas/asset';
import { buildSearchIndex, search, toSearchDocs } from '@app/features/search/search-index';
import { TODAY_PAGE_SIZES, todayList$, type TodayList } from '@app/features/today/today-query';
import { updateWorkOrder } from '@app/features/work-orders/update-work-order';
import { type AppDatabase, databaseNameFor, openDatabase } from '@app/db/database';
import { ApiClient } from '@app/sync/api-client';
import { firstPagesIfFresh } from '@app/sync/first-pages';
import { PAGE_STORED_MARK } from '@app/sync/initial-load';
import { SyncEngine } from '@app/sync/sync-engine';
import type { Credentials, OursPage } from './page-api';

/**
 * Our side of the bench: the app's own database and replication modules (app/db, app/sync), the
 * same code the PWA runs, on a fresh IndexedDB.
 */
let session: { db: AppDatabase; engine: SyncEngine; userId: string } | undefined;

function current() {
  if (!session) throw new Error('initialSync first');
  return session;
}

async function initialSync({ username, password }: Credentials) {
  const api = new ApiClient();
  const login = await api.login(username, password);
  const started = performance.now();
  // As the app's session opens (app/session/session.ts): a fresh device asks for its first pages first.
  const name = databaseNameFor(login.user.id);
  const firstPages = await firstPagesIfFresh(api, name);
  const db = await openDatabase(name);
  const openMs = performance.now() - started;
  const engine = new SyncEngine(db, api, login.user.id, undefined, firstPages);
  session = { db, engine, userId: login.user.id };
  engine.start();
  await Promise.all(engine.replicationStates.map((replication) => replication.awaitInitialReplication()));
  const ms = performance.now() - started;
  return { ms, docs: await db.workOrders.count().exec(), openMs, network: pullTimings(), pagesStored: workOrderPagesStored(started) };
}

/** Where the load's pages landed: the marks app/sync/initial-load.ts sets for each stored page. */
function workOrderPagesStored(started: number) {
  const marks = performance.getEntriesByName(PAGE_STORED_MARK).filter((mark) => (mark as PerformanceMark).detail?.collection === 'workOrders');
  const first = marks[0];
  const last = marks.at(-1);
  return first && last ? { count: marks.length, firstMs: Math.round(first.startTime - started), lastMs: Math.round(last.startTime - started) } : undefined;
}

/** Where the time goes: the work-order pull requests as Chromium's resource timing saw them. */
function pullTimings() {
  const pulls = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/sync/workOrders/pull'));
  const total = pulls.reduce((sum, entry) => sum + entry.duration, 0);
  const waiting = pulls.reduce((sum, entry) => sum + ((entry as PerformanceResourceTiming).responseStart - (entry as PerformanceResourceTiming).requestStart), 0);
  return { requests: pulls.length, totalMs: Math.round(total), serverWaitMs: Math.round(waiting) };
}

async function editOffline(count: number) {
  const { db, userId } = current();
  const docs = await db.workOrders.find({ limit: count }).exec();
  for (const doc of docs) {
    await updateWorkOrder(db, doc.id, (wo) => ({ ...wo, notes: [...wo.notes, { id: ulid(), at: new Date().toISOString(), by: userId, text: 'Bench: edited offline' }] }));
  }
  return { pending: await db.outbox.count().exec() };
}

function drainOutbox(): Promise<{ ms: number }> {
  const { db, engine } = current();
  const started = performance.now();
  // The Node side has just turned the network back on: what the app does on the `online` event.
  engine.retry();
  return new Promise((resolve) => {
    const subscription = db.outbox.count().$.subscribe((pending) => {
      if (pending !== 0) return;
      resolve({ ms: performance.now() - started });
      queueMicrotask(() => subscription.unsubscribe());
    });
  });
}

/**
 * The Today screen's own live query (a page each of today's, earlier open and upcoming open work
 * orders, each read as a `scheduleKey` range), until its first list: for days around today,
 * so each run's queries are new ones RxDB cannot answer from its query cache.
 */
async function queryToday(runs: number) {
  const { db, userId } = current();
  const ms: number[] = [];
  let last: TodayList | undefined;
  for (let run = 0; run < runs; run++) {
    const now = new Date(Date.now() + run * 86_400_000);
    const started = performance.now();
    last = await firstValueFrom(todayList$(db.workOrders, { id: userId, role: 'engineer' }, now, TODAY_PAGE_SIZES));
    ms.push(performance.now() - started);
  }
  return { ms, today: last?.today.length ?? 0, earlierOpen: last?.earlierOpen.length ?? 0, upcoming: last?.upcoming.length ?? 0, pageSizes: TODAY_PAGE_SIZES };
}

async function insertAssets(url: string) {
  const { db, engine } = current();
  await engine.stop();
  const assets = (await (await fetch(url)).json()) as Asset[];
  const started = performance.now();
  await db.assets.bulkInsert(assets);
  return { count: await db.assets.count().exec(), ms: performance.now() - started };
}

async function queryAssetByTag(tags: string[]) {
  const { db } = current();
  const ms: number[] = [];
  let found = 0;
  for (const tag of tags) {
    const started = performance.now();
    const asset = await db.assets.findOne({ selector: { tag } }).exec();
    ms.push(performance.now() - started);
    if (asset) found++;
  }
  return { ms, found };
}

/** The app's offline search (MiniSearch) over everything in the local database, as the Search screen builds it. */
async function searchText(terms: string[]) {
  const { db } = current();
  const [tickets, workOrders, assets] = await Promise.all([db.tickets.find().exec(), db.workOrders.find().exec(), db.assets.find().exec()]);
  const docs = toSearchDocs({ tickets: tickets.map((doc) => doc.toJSON()), workOrders: workOrders.map((doc) => doc.toJSON()), assets: assets.map((doc) => doc.toJSON()) } as never);
  const buildStarted = performance.now();
  const index = buildSearchIndex(docs);
  const buildMs = performance.now() - buildStarted;
  const ms: number[] = [];
  let found = 0;
  for (const term of terms) {
    const started = performance.now();
    const hits = search(index, term);
    ms.push(performance.now() - started);
    if (hits.length > 0) found++;
  }
  return { ms, found, documents: docs.length, buildMs };
}

async function close() {
  if (!session) return;
  await session.engine.stop();
  await session.db.close();
  session = undefined;
}

window.bench = { initialSync, editOffline, drainOutbox, queryToday, insertAssets, queryAssetByTag, searchText, close } satisfies OursPage;
