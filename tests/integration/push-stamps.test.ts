import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import { saveDocument } from '@app/db/writes';
import { startReplications, type CollectionReplication } from '@app/sync/replication';
import { newWorkOrder } from '../helpers/convergence-ops';
import { startTestDevice, stopTestDevice, type TestDevice } from '../helpers/test-device';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * The server stamps what it owns (number, createdAt, updatedAt) on every accepted push, and the
 * stamped version can come back (a reconnect's pull, the stream) before the push's response. RxDB
 * ignores a master state for a document whose push it has not recorded yet
 * (https://github.com/pubkey/rxdb/issues/5571) while its checkpoint moves past it, so without
 * care the device would keep its own unnumbered copy for good. Here the push's response is held
 * until a pull has brought the stamped version and RxDB's downstream has gone idle: the device
 * must still end up with the server's number.
 */
let server: TestServer;
let device: TestDevice;
const realFetch = globalThis.fetch;
/**
 * Until RxDB's downstream queue has settled, so a pulled page has been stored or ignored; at most
 * `capMs`, since the app may rightly hold the page until the push settles.
 */
async function downstreamIdle(replication: CollectionReplication, capMs: number): Promise<void> {
  const state = replication.internalReplicationState;
  const deadline = Date.now() + capMs;
  while (state && Date.now() < deadline) {
    const queued = state.streamQueue.down;
    const settled = await Promise.race([queued.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 50))]);
    if (settled && queued === state.streamQueue.down) return;
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  server = await startTestServer();
  device = await startTestDevice(server.url, { username: 'dispatch1', userId: 'user-dispatch1', databaseName: 'push-stamps-test', collections: ['workOrders'] });
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await stopTestDevice(device);
  await server?.stop();
});

describe('server stamps on a pushed document', () => {
  it('reach the device even when a pull brings them back before the push is acknowledged', async () => {
    const { db, api, stream } = device;
    const template = (await db.workOrders.findOne().exec())?.toJSON() as WorkOrder | undefined;
    if (!template) throw new Error('dispatch1 has no work orders');
    const created = newWorkOrder({ ...template, _deleted: false } as WorkOrder, 'wo-stamp-race', template.assigneeId ?? 'user-eng1');
    // The app closed with a new work order not pushed yet and opens again before the change stream
    // is back: RxDB's first upstream pass pushes it while its first pull runs.
    stream.stop();
    await Promise.all(device.replications.map((replication) => replication.cancel()));
    await saveDocument(db, 'workOrders', created);
    let pushArrived!: () => void;
    const pushStored = new Promise<void>((resolve) => (pushArrived = resolve));
    const pulled = new Set<string>();
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      // The pull reaches the server just after the push: it brings the stamped version back.
      if (url.includes('/api/sync/workOrders/pull')) await pushStored;
      const response = await realFetch(input, init);
      if (url.includes('/api/sync/workOrders/pull')) {
        for (const doc of ((await response.clone().json()) as { documents: WorkOrder[] }).documents) pulled.add(doc.id);
      }
      if (url.includes('/api/sync/workOrders/push')) {
        pushArrived();
        // The push's response arrives after that pull, and after RxDB has dealt with the page.
        await until(() => pulled.has(created.id));
        await downstreamIdle(device.replications[0]!, 2_000);
      }
      return response;
    };
    device.replications = startReplications(db, api, stream, 'user-dispatch1', ['workOrders']);
    await expect
      .poll(async () => (await db.workOrders.findOne(created.id).exec())?.number, { timeout: 15_000 })
      .toMatch(/^WO-\d+$/);
    globalThis.fetch = realFetch;
    expect(await db.outbox.count().exec()).toBe(0);
  });
});
