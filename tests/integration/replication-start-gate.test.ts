import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { ApiClient } from '@app/sync/api-client';
import { ChangeStream } from '@app/sync/change-stream';
import { startReplications, type CollectionReplication } from '@app/sync/replication';
import { loginAs } from '../helpers/api-client';
import { pullAll } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * The session starts replication only once the first screen has shown (app/session/first-screen.ts):
 * until the gate opens the device sends no pull at all, while another client pulls every work
 * order of the same engineer page by page; once it opens, the device syncs the same work orders.
 */
type Device = { api: ApiClient; db: AppDatabase; stream: ChangeStream; replications: CollectionReplication[]; pulls: string[] };
let server: TestServer;
const devices: Device[] = [];

async function startDevice(name: string, startAfter: Promise<void>): Promise<Device> {
  const api = new ApiClient(server.url);
  await api.login('eng1', 'demo1234');
  const pulls: string[] = [];
  const request = api.request.bind(api);
  api.request = ((path: string, init?: RequestInit) => {
    if (path.includes('/pull')) pulls.push(path);
    return request(path, init);
  }) as typeof api.request;
  const db = await openDatabase(name, { indexedDB: { indexedDB, IDBKeyRange } });
  const stream = new ChangeStream(api);
  const device: Device = { api, db, stream, pulls, replications: startReplications(db, api, stream, 'user-eng1', ['workOrders'], startAfter) };
  devices.push(device);
  return device;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const device of devices) {
    await Promise.all(device.replications.map((replication) => replication.cancel()));
    await device.db.remove();
  }
  await server?.stop();
});

describe('replication waits for its start gate', () => {
  it('pulls nothing before the gate opens, then syncs every work order', async () => {
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated = await startDevice('start-gate-device', gate);
    await gated.db.waitForLeadership();
    const { documents } = await pullAll(await loginAs(server.url, 'eng1'), 'workOrders', 5);
    const synced = documents.filter((doc) => !doc._deleted).length;
    expect(synced).toBeGreaterThan(0);
    expect(gated.pulls).toEqual([]);
    expect(await gated.db.workOrders.count().exec()).toBe(0);

    open();
    await gated.replications[0]!.awaitInitialReplication();
    expect(await gated.db.workOrders.count().exec()).toBe(synced);
    expect(gated.pulls.length).toBeGreaterThan(0);
  });
});
