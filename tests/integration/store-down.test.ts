import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import { type EmbeddedCouch, startEmbeddedCouch } from '@server/store/embedded-couch';
import { apiAs, insertWorld, PEOPLE } from '../helpers/replication-world';
import { pullAll, pushRows } from '../helpers/sync-client';
import { makeStoreDir } from '../helpers/test-dirs';
import { startTestServer, type TestServer } from '../helpers/test-server';

let dataDir: string;
let couch: EmbeddedCouch;
let server: TestServer;

beforeAll(async () => {
  dataDir = makeStoreDir('down');
  couch = await startEmbeddedCouch(dataDir);
  server = await startTestServer({ seed: false, couchUrl: couch.url });
  await insertWorld(server.store);
});
afterAll(async () => {
  await server?.stop();
});

describe('when the store is down', () => {
  it('health says so, and a push fails with 503 instead of a false acknowledgement', async () => {
    const engA = apiAs(server.url, PEOPLE.engA, 'test-secret-test-secret-test-secret-0123');
    const master = (await pullAll(engA, 'workOrders', 100)).documents[0] as WorkOrder;
    await couch.close();
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ store: { ok: false } });
    const push = await pushRows(engA, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, status: 'en_route' } }]);
    expect(push.status).toBe(503);
    expect(push.body).toMatchObject({ error: 'store_unavailable' });
    const pull = await engA.get('/api/sync/workOrders/pull');
    expect(pull.status).toBe(503);
  });
});
