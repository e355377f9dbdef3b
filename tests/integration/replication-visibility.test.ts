import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { ApiClient } from '@app/sync/api-client';
import { ChangeStream } from '@app/sync/change-stream';
import { startReplications, type CollectionReplication } from '@app/sync/replication';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * RxDB starts a replication when its tab becomes visible, by default. The app starts replication
 * itself, once the first screen has shown and after a fresh device's initial load, and only in
 * the leader tab: a phone switching apps mid-load must not start RxDB's own pull from scratch
 * beside the load, and a second tab brought to the front must not replicate beside the leader.
 */
let server: TestServer;
let db: AppDatabase | undefined;
let replications: CollectionReplication[] = [];
// A browser tab's document, for RxDB's visibility handling (Node has none).
const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });

beforeAll(async () => {
  server = await startTestServer();
  Object.defineProperty(globalThis, 'document', { value: page, configurable: true });
});
afterAll(async () => {
  await Promise.all(replications.map((replication) => replication.cancel()));
  await db?.remove();
  await server?.stop();
  Reflect.deleteProperty(globalThis, 'document');
});

let openGate = () => undefined as void;
const pulls: string[] = [];

function toggleVisibility() {
  page.visibilityState = 'hidden';
  page.dispatchEvent(new Event('visibilitychange'));
  page.visibilityState = 'visible';
  page.dispatchEvent(new Event('visibilitychange'));
}

describe('replication and the tab’s visibility', () => {
  it('does not start when the tab comes back to the front before the app starts it', async () => {
    const api = new ApiClient(server.url);
    await api.login('eng1', 'demo1234');
    const request = api.request.bind(api);
    api.request = ((path: string, init?: RequestInit) => {
      if (path.includes('/pull')) pulls.push(path);
      return request(path, init);
    }) as typeof api.request;
    db = await openDatabase('replication-visibility', { indexedDB: { indexedDB, IDBKeyRange } });
    // Until the gate opens (the first screen has shown), the app has not started the replication.
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    replications = startReplications(db, api, new ChangeStream(api), 'user-eng1', ['workOrders'], gate);
    await db.waitForLeadership();
    toggleVisibility();
    // RxDB queues its starts: once the queue has run, a start would have created its state.
    const [workOrders] = replications;
    await workOrders?.startQueue;
    expect(workOrders?.internalReplicationState).toBeUndefined();
    expect(pulls).toEqual([]);
  });

  it('pulls what it missed when the tab comes back to the front once started', async () => {
    openGate();
    const [workOrders] = replications;
    await workOrders?.awaitInitialReplication();
    const before = pulls.length;
    toggleVisibility();
    await until(() => pulls.length > before);
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
