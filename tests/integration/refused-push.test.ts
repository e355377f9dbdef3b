import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import type { ConflictRecord } from '@shared/schemas/conflict-record';
import { saveDocument } from '@app/db/writes';
import { COLLECTION_NAMES } from '@shared/schemas/collections';
import { loginAs } from '../helpers/api-client';
import { pullAll } from '../helpers/sync-client';
import { bringOnline, startTestDevice, stopTestDevice, takeOffline, type TestDevice, until } from '../helpers/test-device';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * A change the server will never take (here: fields an engineer's role may not change, a work
 * order an engineer may not create) must not hold back every other change of its collection: the
 * app's sync layer (IndexedDB from fake-indexeddb) against the real server.
 */
let server: TestServer;
let device: TestDevice;

/** Work-order push requests sent so far: a refused change must not be resent in a loop. */
let pushes = 0;

beforeAll(async () => {
  const send = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('/workOrders/push')) pushes++;
    return send(input, init);
  });
  server = await startTestServer();
  device = await startTestDevice(server.url, { username: 'eng1', userId: 'user-eng1', databaseName: 'refused-push-test', collections: COLLECTION_NAMES, validate: true, principal: { id: 'user-eng1', role: 'engineer', siteIds: [] } });
});

afterAll(async () => {
  await stopTestDevice(device);
  await server?.stop();
});

describe('a change the server refuses', () => {
  it('is kept in a record and rolled back, and the rest of the queue reaches the server', async () => {
    const admin = await loginAs(server.url, 'admin');
    const onServer = async (id: string) => ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id);
    const [refusedJob, goodJob] = (await device.db.workOrders.find({ selector: { status: 'scheduled' } }).exec()).map((doc) => ({ ...(doc.toJSON() as WorkOrder), _deleted: false }));
    if (!refusedJob || !goodJob) throw new Error('eng1 needs two scheduled work orders');

    // Offline, so that all three go in one push: one change the role forbids, one it allows, and a job it may not create.
    await takeOffline(device);
    // The forbidden kind comes with a note in the same edit: only the kind is rolled back.
    const keptNote = { id: 'note-beside-refused-kind', at: new Date().toISOString(), by: 'user-eng1', text: 'Access via the loading bay' };
    await saveDocument(device.db, 'workOrders', { ...refusedJob, kind: refusedJob.kind === 'inspection' ? 'corrective' : 'inspection', notes: [...refusedJob.notes, keptNote] });
    const note = { id: 'note-after-refusal', at: new Date().toISOString(), by: 'user-eng1', text: 'Belt tension checked' };
    await saveDocument(device.db, 'workOrders', { ...goodJob, notes: [...goodJob.notes, note] });
    const invented: WorkOrder = { ...goodJob, id: 'wo-invented-by-eng1', number: 'WO-P-INVENTED', notes: [], checklist: [], timeLogs: [], parts: [], photos: [] };
    await saveDocument(device.db, 'workOrders', invented);
    await bringOnline(device);

    await until(async () => (await onServer(goodJob.id))?.notes.some((item) => item.id === note.id) === true);
    await until(async () => (await device.db.outbox.count().exec()) === 0);
    await until(async () => (await onServer(refusedJob.id))?.notes.some((item) => item.id === keptNote.id) === true);
    expect((await onServer(refusedJob.id))?.kind).toBe(refusedJob.kind);
    expect(await onServer(invented.id)).toBeUndefined();
    // On the device: the refused change rolled back, the invented job gone, both in records that say why.
    expect((await device.db.workOrders.findOne(refusedJob.id).exec())?.kind).toBe(refusedJob.kind);
    expect(await device.db.workOrders.findOne(invented.id).exec()).toBeNull();
    const records = (await device.db.conflicts.find({ selector: { reason: 'refused' } }).exec()).map((record) => record.toJSON() as ConflictRecord);
    expect(records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ docId: refusedJob.id, path: 'kind', kept: JSON.stringify(refusedJob.kind), refusal: expect.stringContaining('kind'), state: 'open' }),
        expect.objectContaining({ docId: invented.id, documentDeleted: true, refusal: expect.stringContaining('cannot create') }),
      ]),
    );
    expect(device.replications.every((replication) => !replication.isStopped())).toBe(true);

    // Settled for good: the next change is one push, not one among a refused change resent for ever.
    const before = pushes;
    const later = { id: 'note-after-settling', at: new Date().toISOString(), by: 'user-eng1', text: 'Left site' };
    const current = (await device.db.workOrders.findOne(goodJob.id).exec())?.toJSON() as WorkOrder;
    await saveDocument(device.db, 'workOrders', { ...current, _deleted: false, notes: [...current.notes, later] });
    await until(async () => (await onServer(goodJob.id))?.notes.some((item) => item.id === later.id) === true);
    await until(async () => (await device.db.outbox.count().exec()) === 0);
    expect(pushes - before).toBeLessThanOrEqual(2);
  });
});
