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
 * late, as it does while the device is busy: the local copy must never fall back to an earlier
 * status it already moved past (walkthrough finding).
 */
let server: TestServer;
let device: TestDevice;
let admin: TestApi;
const realFetch = globalThis.fetch;
/** How late the live stream's bytes reach the app. */
let streamDelayMs = 0;

/** The stream's response, its chunks handed on `streamDelayMs` after they arrived, in order. */
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
          chain = chain.then(async () => {
            const wait = arrived + streamDelayMs - Date.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
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
  globalThis.fetch = realFetch;
  await stopTestDevice(device);
  await server?.stop();
});

const RANK: Record<WorkOrderStatus, number> = { scheduled: 0, en_route: 1, on_hold: 2, on_site: 3, in_progress: 4, cancelled: 5, completed: 6 };
const onServer = async (id: string) => ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id);

type Tap = { id: string; statuses: WorkOrderStatus[] };

/**
 * Taps each job through en route, on site and in progress, the next tap as soon as the last one is
 * on the server (before the late stream has told the device), and returns every status each job's
 * local copy passed through, as RxDB's storage reported them.
 */
async function tapThrough(db: TestDevice['db'], jobs: WorkOrder[]): Promise<Tap[]> {
  const seen = new Map<string, WorkOrderStatus[]>();
  const subscription = db.workOrders.storageInstance.changeStream().subscribe((bulk) => {
    for (const event of bulk.events) {
      const doc = event.documentData as unknown as WorkOrder;
      seen.set(doc.id, [...(seen.get(doc.id) ?? []), doc.status]);
    }
  });
  streamDelayMs = 150;
  try {
    for (const job of jobs) {
      for (const to of ['en_route', 'on_site', 'in_progress'] as const) {
        const current = (await db.workOrders.findOne(job.id).exec())!.toJSON() as WorkOrder;
        // The status the engineer taps follows the one they tapped before, whatever the copy shows meanwhile.
        await saveDocument(db, 'workOrders', { ...current, _deleted: false, status: to });
        await until(async () => (await db.outbox.count().exec()) === 0, 10_000);
      }
      await until(async () => (await onServer(job.id))?.status === 'in_progress');
    }
    // Whatever the stream was still bringing has arrived and been stored.
    await until(async () => {
      const stored = await Promise.all(jobs.map(async (job) => ({ local: (await db.workOrders.findOne(job.id).exec())?.toJSON() as WorkOrder, master: await onServer(job.id) })));
      return stored.every(({ local, master }) => local.updatedAt === master?.updatedAt);
    });
    await new Promise((resolve) => setTimeout(resolve, streamDelayMs * 3));
  } finally {
    subscription.unsubscribe();
    streamDelayMs = 0;
  }
  return jobs.map((job) => ({ id: job.id, statuses: seen.get(job.id) ?? [] }));
}

const fellBack = ({ statuses }: Tap) => statuses.some((status, index) => index > 0 && RANK[status] < RANK[statuses[index - 1]!]);

describe('quick status taps', () => {
  it('never show an earlier status again on jobs the initial load stored', async () => {
    const { db } = device;
    const jobs = (await db.workOrders.find({ selector: { status: 'scheduled', assigneeId: 'user-eng1' }, limit: 3 }).exec()).map((doc) => doc.toJSON() as WorkOrder);
    expect(jobs).toHaveLength(3);
    const taps = await tapThrough(db, jobs);
    expect(taps.filter(fellBack)).toEqual([]);
    for (const job of jobs) expect((await db.workOrders.findOne(job.id).exec())?.status).toBe('in_progress');
  });

  it('never show an earlier status again on jobs RxDB has pulled since', async () => {
    const { db } = device;
    const jobs = (await db.workOrders.find({ selector: { status: 'scheduled', assigneeId: 'user-eng1' }, limit: 3 }).exec()).map((doc) => doc.toJSON() as WorkOrder);
    expect(jobs).toHaveLength(3);
    // A note on each, and its stamped version back through RxDB's downstream: the jobs now have replication meta.
    for (const job of jobs) await saveDocument(db, 'workOrders', { ...job, _deleted: false, notes: [...job.notes, { id: `note-${job.id}`, at: new Date().toISOString(), by: 'user-eng1', text: 'Parked at the back' }] });
    await until(async () => (await Promise.all(jobs.map(async (job) => (await db.workOrders.findOne(job.id).exec())?.updatedAt === (await onServer(job.id))?.updatedAt))).every(Boolean));
    const meta = await device.replications[0]!.metaInstance!.findDocumentsById(jobs.map((job) => `${job.id}|0`), false);
    expect(meta).toHaveLength(3);
    const taps = await tapThrough(db, jobs.map((job) => ({ ...job })));
    expect(taps.filter(fellBack)).toEqual([]);
    for (const job of jobs) expect((await db.workOrders.findOne(job.id).exec())?.status).toBe('in_progress');
  });
});
