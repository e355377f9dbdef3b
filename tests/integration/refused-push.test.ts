import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import type { ConflictRecord } from '@shared/schemas/conflict-record';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { saveDocument } from '@app/db/writes';
import { ApiClient } from '@app/sync/api-client';
import { ChangeStream } from '@app/sync/change-stream';
import { startReplications, type CollectionReplication } from '@app/sync/replication';
import { loginAs } from '../helpers/api-client';
import { pullAll } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * A change the server will never take (here: fields an engineer's role may not change, a work
 * order an engineer may not create) must not hold back every other change of its collection: the
 * app's sync layer (IndexedDB from fake-indexeddb) against the real server.
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

/** Work-order push requests sent so far: a refused change must not be resent in a loop. */
let pushes = 0;

beforeAll(async () => {
  const send = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('/workOrders/push')) pushes++;
    return send(input, init);
  });
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.login('eng1', 'demo1234');
  db = await openDatabase('refused-push-test', { indexedDB: { indexedDB, IDBKeyRange }, validate: true, principal: { id: 'user-eng1', role: 'engineer', siteIds: [] } });
  await goOnline();
});

afterAll(async () => {
  await goOffline();
  await db?.remove();
  await server?.stop();
});

describe('a change the server refuses', () => {
  it('is kept in a record and rolled back, and the rest of the queue reaches the server', async () => {
    const admin = await loginAs(server.url, 'admin');
    const onServer = async (id: string) => ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id);
    const [refusedJob, goodJob] = (await db.workOrders.find({ selector: { status: 'scheduled' } }).exec()).map((doc) => ({ ...(doc.toJSON() as WorkOrder), _deleted: false }));
    if (!refusedJob || !goodJob) throw new Error('eng1 needs two scheduled work orders');

    // Offline, so that all three go in one push: one change the role forbids, one it allows, and a job it may not create.
    await goOffline();
    // The forbidden kind comes with a note in the same edit: only the kind is rolled back.
    const keptNote = { id: 'note-beside-refused-kind', at: new Date().toISOString(), by: 'user-eng1', text: 'Access via the loading bay' };
    await saveDocument(db, 'workOrders', { ...refusedJob, kind: refusedJob.kind === 'inspection' ? 'corrective' : 'inspection', notes: [...refusedJob.notes, keptNote] });
    const note = { id: 'note-after-refusal', at: new Date().toISOString(), by: 'user-eng1', text: 'Belt tension checked' };
    await saveDocument(db, 'workOrders', { ...goodJob, notes: [...goodJob.notes, note] });
    const invented: WorkOrder = { ...goodJob, id: 'wo-invented-by-eng1', number: 'WO-P-INVENTED', notes: [], checklist: [], timeLogs: [], parts: [], photos: [] };
    await saveDocument(db, 'workOrders', invented);
    await goOnline();

    await until(async () => (await onServer(goodJob.id))?.notes.some((item) => item.id === note.id) === true);
    await until(async () => (await db.outbox.count().exec()) === 0);
    await until(async () => (await onServer(refusedJob.id))?.notes.some((item) => item.id === keptNote.id) === true);
    expect((await onServer(refusedJob.id))?.kind).toBe(refusedJob.kind);
    expect(await onServer(invented.id)).toBeUndefined();
    // On the device: the refused change rolled back, the invented job gone, both in records that say why.
    expect((await db.workOrders.findOne(refusedJob.id).exec())?.kind).toBe(refusedJob.kind);
    expect(await db.workOrders.findOne(invented.id).exec()).toBeNull();
    const records = (await db.conflicts.find({ selector: { reason: 'refused' } }).exec()).map((record) => record.toJSON() as ConflictRecord);
    expect(records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ docId: refusedJob.id, path: 'kind', kept: JSON.stringify(refusedJob.kind), refusal: expect.stringContaining('kind'), state: 'open' }),
        expect.objectContaining({ docId: invented.id, documentDeleted: true, refusal: expect.stringContaining('cannot create') }),
      ]),
    );
    expect(replications.every((replication) => !replication.isStopped())).toBe(true);

    // Settled for good: the next change is one push, not one among a refused change resent for ever.
    const before = pushes;
    const later = { id: 'note-after-settling', at: new Date().toISOString(), by: 'user-eng1', text: 'Left site' };
    const current = (await db.workOrders.findOne(goodJob.id).exec())?.toJSON() as WorkOrder;
    await saveDocument(db, 'workOrders', { ...current, _deleted: false, notes: [...current.notes, later] });
    await until(async () => (await onServer(goodJob.id))?.notes.some((item) => item.id === later.id) === true);
    await until(async () => (await db.outbox.count().exec()) === 0);
    expect(pushes - before).toBeLessThanOrEqual(2);
  });
});
