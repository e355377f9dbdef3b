import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { saveDocument } from '@app/db/writes';
import { ApiClient } from '@app/sync/api-client';
import { ChangeStream } from '@app/sync/change-stream';
import { startReplications, type CollectionReplication } from '@app/sync/replication';
import { loginAs } from '../helpers/api-client';
import { pullAll } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * A push the server stored whose answer never reached the device (the connection dropped on the
 * way back): the engineer must not be shown a conflict with themselves. The app's sync layer
 * against the real server, IndexedDB from fake-indexeddb. (Known limit: if the app is closed before
 * the retry, RxDB pushes the later edit from the old base: the server recognises the device's own
 * earlier push and takes the later edit on top of it.)
 */
let server: TestServer;
let db: AppDatabase;
let api: ApiClient;
let stream: ChangeStream;
let replications: CollectionReplication[];
let loseNextPushAnswer = false;
/** A live stream that connects and then says nothing: the device believes it is online but hears of no change. */
let silentStream = false;

function loseAnswersOnRequest() {
  const send = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (silentStream && url.includes('/api/sync/stream')) {
      const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('data: {"kind":"RESYNC"}\n\n')) });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    }
    const isPush = url.includes('/workOrders/push');
    if (!isPush || !loseNextPushAnswer) return send(input, init);
    loseNextPushAnswer = false;
    // The server gets and stores the push; its answer is lost.
    await (await send(input, init)).text();
    throw new TypeError('Failed to fetch');
  });
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function closeApp() {
  stream.stop();
  await Promise.all(replications.map((replication) => replication.cancel()));
  await db.close();
}

async function openApp() {
  db = await openDatabase('lost-push-answer-test', { indexedDB: { indexedDB, IDBKeyRange }, validate: true, principal: { id: 'user-eng1', role: 'engineer', siteIds: [] } });
  stream = new ChangeStream(api);
  stream.start();
  replications = startReplications(db, api, stream, 'user-eng1');
  await Promise.all(replications.map((replication) => replication.awaitInitialReplication()));
}

beforeAll(async () => {
  loseAnswersOnRequest();
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.login('eng1', 'demo1234');
  await openApp();
});

afterAll(async () => {
  stream?.stop();
  await Promise.all((replications ?? []).map((replication) => replication.cancel()));
  await db?.remove();
  await server?.stop();
});

describe('a push whose answer was lost', () => {
  it('is merged with the device’s later edits without a conflict record, and the server ends with the latest', async () => {
    const admin = await loginAs(server.url, 'admin');
    const onServer = async (id: string) => ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id);
    const stored = await db.workOrders.findOne({ selector: { status: 'scheduled' } }).exec();
    if (!stored) throw new Error('eng1 has no scheduled work order');
    const scheduled = { ...(stored.toJSON() as WorkOrder), _deleted: false };

    // The connection is going: the stream still counts as up but brings no news of what the server stored.
    stream.stop();
    silentStream = true;
    stream.start();
    loseNextPushAnswer = true;
    await saveDocument(db, 'workOrders', { ...scheduled, status: 'en_route' });
    await until(async () => (await onServer(scheduled.id))?.status === 'en_route');
    // Before the push is retried, the engineer arrives. RxDB retries the very request that lost its
    // answer (a replay the server acknowledges without a write), then pushes the arrival on top.
    const enRoute = (await db.workOrders.findOne(scheduled.id).exec())?.toJSON() as WorkOrder;
    await saveDocument(db, 'workOrders', { ...enRoute, _deleted: false, status: 'on_site' });

    await until(async () => (await onServer(scheduled.id))?.status === 'on_site');
    await until(async () => (await db.outbox.count().exec()) === 0);
    expect((await db.conflicts.find({ selector: { docId: scheduled.id } }).exec()).map((record) => record.toJSON())).toEqual([]);
  });

  it('is not a conflict with the engineer’s own earlier change after the app was closed before the retry', async () => {
    const admin = await loginAs(server.url, 'admin');
    const onServer = async (id: string) => ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id);
    const stored = await db.workOrders.findOne({ selector: { status: 'scheduled' } }).exec();
    if (!stored) throw new Error('eng1 has no scheduled work order left');
    const scheduled = { ...(stored.toJSON() as WorkOrder), _deleted: false };
    const note = (text: string) => ({ id: `note-${text}`, at: new Date().toISOString(), by: 'user-eng1', text });

    loseNextPushAnswer = true;
    await saveDocument(db, 'workOrders', { ...scheduled, resolution: 'Fan belt worn', notes: [...scheduled.notes, note('first')] });
    await until(async () => (await onServer(scheduled.id))?.resolution === 'Fan belt worn');
    // The phone is put away before RxDB retries: the retry, and what it knew, are gone.
    await closeApp();
    db = await openDatabase('lost-push-answer-test', { indexedDB: { indexedDB, IDBKeyRange }, validate: true, principal: { id: 'user-eng1', role: 'engineer', siteIds: [] } });
    const first = (await db.workOrders.findOne(scheduled.id).exec())?.toJSON() as WorkOrder;
    await saveDocument(db, 'workOrders', { ...first, _deleted: false, resolution: 'Fan belt replaced', notes: [...first.notes, note('second')] });
    await closeApp();
    await openApp();

    await until(async () => (await onServer(scheduled.id))?.resolution === 'Fan belt replaced');
    await until(async () => (await db.outbox.count().exec()) === 0);
    expect((await onServer(scheduled.id))?.notes.map((item) => item.text)).toEqual([...scheduled.notes.map((item) => item.text), 'first', 'second']);
    expect((await db.conflicts.find({ selector: { docId: scheduled.id } }).exec()).map((record) => record.toJSON())).toEqual([]);
  });
});
