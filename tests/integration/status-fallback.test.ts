import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder, WorkOrderStatus } from '@shared/schemas';
import { saveDocument } from '@app/db/writes';
import { loginAs, type TestApi } from '../helpers/api-client';
import { pullAll } from '../helpers/sync-client';
import { startTestDevice, stopTestDevice, until, type TestDevice } from '../helpers/test-device';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * An engineer taps through a job's statuses quickly on a freshly signed-in device (the initial
 * load stored the job). The live stream brings each accepted push's stamped version back a little
 * late, as it does while the device is busy, or a pull read before a push answers after it: the
 * local copy must never fall back to a status it already moved past (walkthrough finding; RxDB's
 * downstream stored the late version over the newer push, app/sync/acknowledged-pushes.ts).
 */
let server: TestServer;
let device: TestDevice;
let admin: TestApi;
const realFetch = globalThis.fetch;
/** How late the live stream's bytes reach the app. */
let streamDelayMs = 0;
/** While set, the live stream's bytes wait for `releaseStream` (after their delay). */
let streamHeld = false;
const heldChunks: (() => void)[] = [];
/** Chunks arrived so far, and how many of them were released. */
let chunksArrived = 0;
let chunksReleased = 0;
/** The live stream's bytes that reached the device's network but not the app yet. */
const undelivered = new Set<string>();
/** While set, pull answers wait for it (the server has read and answered them already). */
let pullsHeld: Promise<void> | undefined;
let pullsAnswered = 0;

/** Hands the app every chunk that has arrived so far (later ones wait again while `streamHeld` is set). */
function releaseStream(): void {
  chunksReleased = chunksArrived;
  for (const deliver of heldChunks.splice(0)) deliver();
}

/** The stream's response, its chunks handed on `streamDelayMs` after they arrived (and once released), in order. */
function delayedStream(response: Response): Response {
  const source = response.body;
  if (!source) return response;
  const reader = source.getReader();
  let chain = Promise.resolve();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const pump = async () => {
        for (;;) {
          const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
          const arrived = Date.now();
          const text = value ? new TextDecoder().decode(value) : '';
          const number = ++chunksArrived;
          undelivered.add(text);
          chain = chain.then(async () => {
            const wait = arrived + streamDelayMs - Date.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
            if (streamHeld && number > chunksReleased) await new Promise<void>((resolve) => heldChunks.push(resolve));
            undelivered.delete(text);
            if (done) controller.close();
            else controller.enqueue(value);
          });
          if (done) return;
        }
      };
      void pump();
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, 'admin');
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await realFetch(input, init);
    if (String(input).includes('/api/sync/workOrders/pull')) {
      pullsAnswered += 1;
      await pullsHeld;
    }
    return String(input).includes('/api/sync/stream') ? delayedStream(response) : response;
  };
  device = await startTestDevice(server.url, {
    username: 'eng1',
    userId: 'user-eng1',
    databaseName: 'status-fallback-test',
    collections: ['workOrders'],
    principal: { id: 'user-eng1', role: 'engineer', siteIds: [] },
    validate: true,
  });
});

afterAll(async () => {
  streamHeld = false;
  releaseStream();
  globalThis.fetch = realFetch;
  await stopTestDevice(device);
  await server?.stop();
});

const RANK: Record<WorkOrderStatus, number> = { scheduled: 0, en_route: 1, on_hold: 2, on_site: 3, in_progress: 4, cancelled: 5, completed: 6 };
const TAPS = ['en_route', 'on_site', 'in_progress'] as const;
const onServer = async (id: string) => ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id);
const stored = async (db: TestDevice['db'], id: string) => (await db.workOrders.findOne(id).exec())!.toJSON() as WorkOrder;
const scheduledJobs = async (db: TestDevice['db'], limit: number) =>
  (await db.workOrders.find({ selector: { status: 'scheduled', assigneeId: 'user-eng1' }, limit }).exec()).map((doc) => doc.toJSON() as WorkOrder);
/** Until the device holds each job as the server does (the stream's news of the last tap has been stored). */
const caughtUp = (db: TestDevice['db'], ids: readonly string[]) =>
  until(async () => (await Promise.all(ids.map(async (id) => (await stored(db, id)).updatedAt === (await onServer(id))?.updatedAt))).every(Boolean));

/** A tap: the status the engineer taps follows the one they tapped before, whatever the copy shows meanwhile. */
async function tap(db: TestDevice['db'], id: string, status: WorkOrderStatus): Promise<void> {
  await saveDocument(db, 'workOrders', { ...(await stored(db, id)), _deleted: false, status });
}

const pushed = (db: TestDevice['db']) => until(async () => (await db.outbox.count().exec()) === 0, 10_000);

/** Every status the jobs' local copies pass through, as RxDB's storage reports its writes. */
function watchStatuses(db: TestDevice['db']) {
  const seen = new Map<string, WorkOrderStatus[]>();
  const subscription = db.workOrders.storageInstance.changeStream().subscribe((bulk) => {
    for (const event of bulk.events) seen.set(event.documentId, [...(seen.get(event.documentId) ?? []), (event.documentData as unknown as WorkOrder).status]);
  });
  return {
    /** The jobs whose copy went back to an earlier status, with every status it passed through. */
    fellBack: (ids: readonly string[]) => {
      subscription.unsubscribe();
      return ids.map((id) => ({ id, statuses: seen.get(id) ?? [] })).filter(({ statuses }) => statuses.some((status, index) => index > 0 && RANK[status] < RANK[statuses[index - 1]!]));
    },
  };
}

/** Taps each job through en route, on site and in progress, each tap as soon as the one before is on the server, with the stream 150 ms late. */
async function tapThrough(db: TestDevice['db'], ids: readonly string[]) {
  const statuses = watchStatuses(db);
  streamDelayMs = 150;
  try {
    for (const id of ids) {
      for (const status of TAPS) {
        await tap(db, id, status);
        await pushed(db);
      }
    }
    await caughtUp(db, ids);
    // Anything still on its way has arrived.
    await new Promise((resolve) => setTimeout(resolve, streamDelayMs * 3));
  } finally {
    streamDelayMs = 0;
  }
  return statuses.fellBack(ids);
}

describe('quick status taps', () => {
  it('never show an earlier status again on jobs the initial load stored', async () => {
    const { db } = device;
    const ids = (await scheduledJobs(db, 3)).map((job) => job.id);
    expect(ids).toHaveLength(3);
    expect(await tapThrough(db, ids)).toEqual([]);
    for (const id of ids) expect((await stored(db, id)).status).toBe('in_progress');
  });

  it('never show an earlier status again on jobs RxDB has pulled since', async () => {
    const { db } = device;
    const jobs = await scheduledJobs(db, 3);
    const ids = jobs.map((job) => job.id);
    expect(ids).toHaveLength(3);
    // A note on each, and its stamped version back through RxDB's downstream: the jobs now have replication meta.
    for (const job of jobs) await saveDocument(db, 'workOrders', { ...job, _deleted: false, notes: [...job.notes, { id: `note-${job.id}`, at: new Date().toISOString(), by: 'user-eng1', text: 'Parked at the back' }] });
    await caughtUp(db, ids);
    expect(await device.replications[0]!.metaInstance!.findDocumentsById(ids.map((id) => `${id}|0`), false)).toHaveLength(3);
    expect(await tapThrough(db, ids)).toEqual([]);
    for (const id of ids) expect((await stored(db, id)).status).toBe('in_progress');
  });

  it('never show an earlier status again when the stream brings the last tap back the moment the next one is stored', async () => {
    const { db } = device;
    const [job] = await scheduledJobs(db, 1);
    const statuses = watchStatuses(db);
    streamHeld = true;
    try {
      let previous: WorkOrderStatus = 'scheduled';
      for (const status of TAPS) {
        // The last tap's version is on its way back when this one is stored…
        if (previous !== 'scheduled') await until(async () => [...undelivered].some((text) => text.includes(job!.id) && text.includes(`"status":"${previous}"`)), 10_000);
        // …and arrives the moment it is stored, before its push has gone.
        const arrives = db.workOrders.storageInstance.changeStream().subscribe((bulk) => {
          if (!bulk.events.some((event) => event.documentId === job!.id && (event.documentData as unknown as WorkOrder).status === status)) return;
          arrives.unsubscribe();
          releaseStream();
        });
        await tap(db, job!.id, status);
        await pushed(db);
        previous = status;
      }
    } finally {
      streamHeld = false;
      releaseStream();
    }
    await caughtUp(db, [job!.id]);
    expect(statuses.fellBack([job!.id])).toEqual([]);
    expect((await stored(db, job!.id)).status).toBe('in_progress');
  });

  it('never show an earlier status again when a pull read before a push answers after it', async () => {
    const { db } = device;
    const [job] = await scheduledJobs(db, 1);
    const statuses = watchStatuses(db);
    // The stream has not brought the first tap back when a pull (a reconnect's, the tab coming back
    // to the front) reads the job; the pull's answer arrives after the second tap's push.
    streamHeld = true;
    let releasePulls!: () => void;
    try {
      await tap(db, job!.id, 'en_route');
      await pushed(db);
      pullsHeld = new Promise<void>((resolve) => (releasePulls = resolve));
      const answered = pullsAnswered;
      device.replications[0]!.reSync();
      await until(async () => pullsAnswered > answered, 10_000);
      await tap(db, job!.id, 'on_site');
      await pushed(db);
    } finally {
      pullsHeld = undefined;
      releasePulls?.();
    }
    // The pull's page stored (or read again), then the stream's news of both taps.
    await device.replications[0]!.awaitInSync();
    streamHeld = false;
    releaseStream();
    await caughtUp(db, [job!.id]);
    expect(statuses.fellBack([job!.id])).toEqual([]);
    expect((await stored(db, job!.id)).status).toBe('on_site');
  });
});
