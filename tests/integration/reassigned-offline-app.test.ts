import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { saveDocument } from '@app/db/writes';
import { ApiClient } from '@app/sync/api-client';
import { ChangeStream } from '@app/sync/change-stream';
import { startReplications, type CollectionReplication } from '@app/sync/replication';
import { loginAs } from '../helpers/api-client';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * The app's sync layer (IndexedDB from fake-indexeddb) against the real server: an engineer's
 * offline work on a job the desk reassigned meanwhile reaches the server through the usual merge,
 * sync goes on, and the job leaves the device without a conflict record.
 */
let server: TestServer;
let db: AppDatabase;
let api: ApiClient;
let stream: ChangeStream | undefined;
let replications: CollectionReplication[] = [];

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function goOnline() {
  stream = new ChangeStream(api);
  stream.start();
  replications = startReplications(db, api, stream, 'user-eng1');
  return Promise.all(replications.map((replication) => replication.awaitInitialReplication()));
}

async function goOffline() {
  stream?.stop();
  await Promise.all(replications.map((replication) => replication.cancel()));
}

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.login('eng1', 'demo1234');
  db = await openDatabase('reassigned-offline-app-test', { indexedDB: { indexedDB, IDBKeyRange }, validate: true, principal: { id: 'user-eng1', role: 'engineer', siteIds: [] } });
  await goOnline();
});

afterAll(async () => {
  await goOffline();
  await db?.remove();
  await server?.stop();
});

describe('offline work on a job reassigned meanwhile, through the app', () => {
  it('reaches the server, the job leaves the device, and nothing is left waiting or in conflict', async () => {
    const dispatcher = await loginAs(server.url, 'dispatch1');
    const stored = await db.workOrders.findOne({ selector: { status: 'scheduled' } }).exec();
    if (!stored) throw new Error('eng1 has no scheduled work order');
    const job = { ...(stored.toJSON() as WorkOrder), _deleted: false };

    await goOffline();
    const note = { id: 'note-reassigned-offline', at: new Date().toISOString(), by: 'user-eng1', text: 'Replaced the filter before the call came' };
    await saveDocument(db, 'workOrders', { ...job, status: 'en_route', notes: [...job.notes, note] });
    const desk = ((await pullAll(dispatcher, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === job.id) as WorkOrder;
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: desk, newDocumentState: { ...desk, assigneeId: 'user-eng2' } }])).body).toEqual([]);
    await goOnline();

    const onServer = async () => ((await pullAll(dispatcher, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === job.id);
    await until(async () => (await onServer())?.notes.some((item) => item.id === note.id) === true);
    expect(await onServer()).toMatchObject({ assigneeId: 'user-eng2', status: 'en_route' });
    await until(async () => (await db.workOrders.findOne(job.id).exec()) === null);
    await until(async () => (await db.outbox.count().exec()) === 0);
    expect((await db.conflicts.find({ selector: { docId: job.id } }).exec()).map((record) => record.toJSON())).toEqual([]);
  });
});
