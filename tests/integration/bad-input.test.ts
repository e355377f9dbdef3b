import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { apiAs, buildWorkOrder, insertWorld, PEOPLE } from '../helpers/replication-world';
import { pullAll } from '../helpers/sync-client';
import type { TestApi } from '../helpers/api-client';

let server: TestServer;
let dispatcher: TestApi;
let snapshot: unknown;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await insertWorld(server.store);
  dispatcher = apiAs(server.url, PEOPLE.dispatcher, 'test-secret-test-secret-test-secret-0123');
  snapshot = (await pullAll(dispatcher, 'workOrders', 1000)).documents;
});
afterAll(() => server?.stop());

async function expectStoreUnchanged() {
  expect((await pullAll(dispatcher, 'workOrders', 1000)).documents).toEqual(snapshot);
}

describe('bad input gets a 4xx naming the field and changes nothing', () => {
  it.each([
    ['a body that is not an array', { not: 'rows' }, 400, 'body'],
    ['a row without newDocumentState', [{ assumedMasterState: null }], 400, '[0].newDocumentState'],
    ['a document with a wrong type', [{ newDocumentState: { ...buildWorkOrder({ id: 'wo-x', assigneeId: PEOPLE.engA.id }), checklist: 'none' } }], 400, '[0].newDocumentState.checklist'],
    ['a document with a bad id', [{ newDocumentState: { ...buildWorkOrder({ id: 'wo-y', assigneeId: PEOPLE.engA.id }), id: '_design/evil' } }], 400, '[0].newDocumentState.id'],
    ['a schedule that ends before it starts', [{ newDocumentState: buildWorkOrder({ id: 'wo-s', assigneeId: PEOPLE.engA.id, scheduledEnd: '2020-01-01T00:00:00.000Z' }) }], 400, '[0].newDocumentState.scheduledEnd'],
    ['a reference to a missing site', [{ newDocumentState: buildWorkOrder({ id: 'wo-z', assigneeId: PEOPLE.engA.id, siteId: 'nowhere' }) }], 400, '[0].newDocumentState.siteId'],
  ])('push: %s', async (_name, body, status, field) => {
    const response = await dispatcher.post('/api/sync/workOrders/push', body);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: 'validation_failed', field, message: expect.any(String) });
    await expectStoreUnchanged();
  });

  it('malformed JSON', async () => {
    const response = await dispatcher.post('/api/sync/workOrders/push', '[{"newDocumentState": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'malformed_json', field: 'body' });
    await expectStoreUnchanged();
  });

  it('an oversized payload', async () => {
    const huge = JSON.stringify([{ newDocumentState: { id: 'wo-huge', blob: 'x'.repeat(9 * 1024 * 1024) } }]);
    const response = await dispatcher.post('/api/sync/workOrders/push', huge);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error: 'payload_too_large', field: 'body' });
    await expectStoreUnchanged();
  });

  it('an unknown collection is a 404 on pull and push', async () => {
    expect((await dispatcher.get('/api/sync/widgets/pull')).body).toMatchObject({ error: 'unknown_collection', field: 'collection' });
    const push = await dispatcher.post('/api/sync/widgets/push', []);
    expect(push.status).toBe(404);
  });

  it.each([
    ['checkpoint=not-a-checkpoint', 'checkpoint'],
    [`checkpoint=${Buffer.from('{"v":1}').toString('base64url')}`, 'checkpoint'],
    ['limit=5000', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=abc', 'limit'],
  ])('pull with %s', async (query, field) => {
    const response = await dispatcher.get(`/api/sync/workOrders/pull?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'validation_failed', field });
  });

  it('no token, a bad token, or an outdated protocol version is refused', async () => {
    const anonymous = await fetch(`${server.url}/api/sync/workOrders/pull`);
    expect(anonymous.status).toBe(401);
    const forged = apiAs(server.url, PEOPLE.admin, 'another-secret-another-secret-another-1');
    expect((await forged.get('/api/sync/workOrders/pull')).status).toBe(401);
    const outdated = await dispatcher.request('GET', '/api/sync/workOrders/pull', undefined, { 'x-protocol-version': '0' });
    expect(outdated.status).toBe(426);
    expect(outdated.body).toMatchObject({ error: 'protocol_outdated' });
  });

  it('nobody may push activities', async () => {
    const admin = apiAs(server.url, PEOPLE.admin, 'test-secret-test-secret-test-secret-0123');
    const response = await admin.post('/api/sync/activities/push', [{ newDocumentState: { id: 'act-1', type: 'activity' } }]);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
