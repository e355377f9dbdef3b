import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChangedDocumentsSince } from 'rxdb';
import type { WorkOrder } from '@shared/schemas';
import { saveDocument } from '@app/db/writes';
import { loginAs, type TestApi } from '../helpers/api-client';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestDevice, stopTestDevice, type TestDevice } from '../helpers/test-device';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * A fresh device's first sync stores the server's documents without RxDB's replication meta
 * (app/sync/initial-load.ts). Against the real server: nothing goes back up, later server changes
 * still arrive, and a loaded document edited offline while the server changed it merges against
 * the base the edit recorded, so neither side's change is lost and no conflict is invented.
 */
type PushRow = { assumedMasterState?: WorkOrder | null; newDocumentState: WorkOrder };
let server: TestServer;
let admin: TestApi;
let device: TestDevice;
let online = true;
const pushed: PushRow[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, 'admin');
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    // Only the device goes offline: the admin (another client) and the server's own store calls
    // (same process) keep their network.
    const fromDevice = String(input).startsWith(`${server.url}/api/`) && new Headers(init?.headers).get('authorization') !== `Bearer ${admin.token}`;
    if (!online && fromDevice) throw new TypeError('fetch failed: the device is offline');
    if (String(input).includes('/api/sync/workOrders/push')) pushed.push(...(JSON.parse(String(init?.body)) as PushRow[]));
    return realFetch(input, init);
  };
  device = await startTestDevice(server.url, {
    username: 'dispatch1',
    userId: 'user-dispatch1',
    databaseName: 'initial-load-test',
    collections: ['workOrders'],
    principal: { id: 'user-dispatch1', role: 'dispatcher', siteIds: [] },
    validate: true,
  });
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await stopTestDevice(device);
  await server?.stop();
});

const masterOf = async (id: string) => ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id);

describe('initial load of a fresh device', () => {
  it('stores every work order without replication meta and pushes nothing back', async () => {
    const { db, replications } = device;
    const onServer = ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).filter((wo) => !wo._deleted);
    expect(await db.workOrders.count().exec()).toBe(onServer.length);
    const meta = await getChangedDocumentsSince(replications[0]!.metaInstance!, 10_000);
    expect(meta.documents.filter((doc) => doc.isCheckpoint === '0')).toEqual([]);
    expect(pushed).toEqual([]);
  });

  it('takes in a later server change of a loaded work order', async () => {
    const { db } = device;
    const master = (await masterOf((await db.workOrders.findOne().exec())!.id)) as WorkOrder;
    const scheduledEnd = new Date(Date.parse(master.scheduledEnd) + 3_600_000).toISOString();
    expect((await pushRows(admin, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, scheduledEnd } }])).body).toEqual([]);
    await expect.poll(async () => (await db.workOrders.findOne(master.id).exec())?.scheduledEnd, { timeout: 10_000 }).toBe(scheduledEnd);
  });

  it('keeps both changes when the server changed a loaded work order the device edited offline', async () => {
    const { db, stream, replications } = device;
    const local = (await db.workOrders.findOne({ selector: { status: 'scheduled' } }).exec())!.toMutableJSON() as WorkOrder;
    const kind = local.kind === 'inspection' ? 'preventive' : 'inspection';
    online = false;
    await saveDocument(db, 'workOrders', { ...local, kind });
    const master = (await masterOf(local.id)) as WorkOrder;
    const scheduledEnd = new Date(Date.parse(master.scheduledEnd) + 7_200_000).toISOString();
    expect((await pushRows(admin, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, scheduledEnd } }])).body).toEqual([]);
    online = true;
    stream.reconnectNow();
    for (const replication of replications) replication.reSync();
    await expect.poll(async () => (await masterOf(local.id))?.kind, { timeout: 15_000 }).toBe(kind);
    expect((await masterOf(local.id))?.scheduledEnd).toBe(scheduledEnd);
    await expect.poll(async () => (await db.workOrders.findOne(local.id).exec())?.scheduledEnd, { timeout: 10_000 }).toBe(scheduledEnd);
    expect((await db.workOrders.findOne(local.id).exec())?.kind).toBe(kind);
    expect(await db.conflicts.count().exec()).toBe(0);
    // The first push of the edit carried the loaded version as its base.
    expect(pushed.find((row) => row.newDocumentState.id === local.id)?.assumedMasterState).toMatchObject({ id: local.id, kind: local.kind, scheduledEnd: local.scheduledEnd });
    await expect.poll(() => db.outbox.count().exec(), { timeout: 10_000 }).toBe(0);
  });
});
