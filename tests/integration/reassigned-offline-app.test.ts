import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import { saveDocument } from '@app/db/writes';
import { COLLECTION_NAMES } from '@shared/schemas/collections';
import { loginAs } from '../helpers/api-client';
import { pullAll, pushRows } from '../helpers/sync-client';
import { bringOnline, startTestDevice, stopTestDevice, takeOffline, type TestDevice, until } from '../helpers/test-device';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * The app's sync layer (IndexedDB from fake-indexeddb) against the real server: an engineer's
 * offline work on a job the desk reassigned meanwhile reaches the server through the usual merge,
 * sync goes on, and the job leaves the device without a conflict record.
 */
let server: TestServer;
let device: TestDevice;

beforeAll(async () => {
  server = await startTestServer();
  device = await startTestDevice(server.url, { username: 'eng1', userId: 'user-eng1', databaseName: 'reassigned-offline-app-test', collections: COLLECTION_NAMES, validate: true, principal: { id: 'user-eng1', role: 'engineer', siteIds: [] } });
});

afterAll(async () => {
  await stopTestDevice(device);
  await server?.stop();
});

describe('offline work on a job reassigned meanwhile, through the app', () => {
  it('reaches the server, the job leaves the device, and nothing is left waiting or in conflict', async () => {
    const dispatcher = await loginAs(server.url, 'dispatch1');
    const stored = await device.db.workOrders.findOne({ selector: { status: 'scheduled' } }).exec();
    if (!stored) throw new Error('eng1 has no scheduled work order');
    const job = { ...(stored.toJSON() as WorkOrder), _deleted: false };

    await takeOffline(device);
    const note = { id: 'note-reassigned-offline', at: new Date().toISOString(), by: 'user-eng1', text: 'Replaced the filter before the call came' };
    await saveDocument(device.db, 'workOrders', { ...job, status: 'en_route', notes: [...job.notes, note] });
    const desk = ((await pullAll(dispatcher, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === job.id) as WorkOrder;
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: desk, newDocumentState: { ...desk, assigneeId: 'user-eng2' } }])).body).toEqual([]);
    await bringOnline(device);

    const onServer = async () => ((await pullAll(dispatcher, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === job.id);
    await until(async () => (await onServer())?.notes.some((item) => item.id === note.id) === true);
    expect(await onServer()).toMatchObject({ assigneeId: 'user-eng2', status: 'en_route' });
    await until(async () => (await device.db.workOrders.findOne(job.id).exec()) === null);
    await until(async () => (await device.db.outbox.count().exec()) === 0);
    expect((await device.db.conflicts.find({ selector: { docId: job.id } }).exec()).map((record) => record.toJSON())).toEqual([]);
  });
});
