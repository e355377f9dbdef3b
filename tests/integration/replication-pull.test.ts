import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { apiAs, buildWorkOrder, insertWorld, PEOPLE, WORLD } from '../helpers/replication-world';
import { pullAll, pushRows } from '../helpers/sync-client';
import type { User } from '@shared/schemas/user';

let server: TestServer;
const secret = 'test-secret-test-secret-test-secret-0123';

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await insertWorld(server.store);
});
afterAll(() => server?.stop());

const ids = (docs: { id: string }[]) => docs.map((doc) => doc.id).sort();

describe('pull by checkpoint', () => {
  it('pages through exactly the documents in scope, and a resumed pull returns nothing new', async () => {
    const engineer = apiAs(server.url, PEOPLE.engA, secret);
    const full = await pullAll(engineer, 'workOrders', 4);
    const expected = WORLD.workOrders.filter((wo) => wo.assigneeId === PEOPLE.engA.id);
    expect(ids(full.documents)).toEqual(ids(expected));
    expect(full.pages).toBeGreaterThan(3);
    const resumed = await pullAll(engineer, 'workOrders', 4, full.checkpoint);
    expect(resumed.documents).toEqual([]);
  });

  it('answers a page as JSON that no HTTP cache keeps, with no ETag', async () => {
    const page = await apiAs(server.url, PEOPLE.engA, secret).get<{ documents: { id: string }[]; checkpoint: string }>('/api/sync/workOrders/pull?limit=3');
    expect(page.status).toBe(200);
    expect(page.body.documents).toHaveLength(3);
    expect(typeof page.body.checkpoint).toBe('string');
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('etag')).toBeNull();
  });

  it('a dispatcher pulls every work order; pages never repeat or skip a document', async () => {
    const full = await pullAll(apiAs(server.url, PEOPLE.dispatcher, secret), 'workOrders', 7);
    expect(ids(full.documents)).toEqual(ids(WORLD.workOrders));
    expect(new Set(ids(full.documents)).size).toBe(full.documents.length);
  });

  it('delivers a write committed between two pages of a pull', async () => {
    const dispatcher = apiAs(server.url, PEOPLE.dispatcher, secret);
    const first = await dispatcher.get<{ documents: { id: string }[]; checkpoint: string }>('/api/sync/workOrders/pull?limit=5');
    expect(first.body.documents).toHaveLength(5);
    const created = buildWorkOrder({ id: 'wo-during-pull', assigneeId: PEOPLE.engB.id });
    // Also change a document the first page already delivered: it must come again with its new state.
    const firstId = first.body.documents[0]?.id ?? '';
    const before = (await pullAll(dispatcher, 'workOrders', 1000)).documents.find((doc) => doc.id === firstId);
    const edited = { ...before, notes: [{ id: 'n1', at: '2026-11-02T10:00:00.000Z', by: PEOPLE.dispatcher.id, text: 'mid-pull' }] };
    expect((await pushRows(dispatcher, 'workOrders', [{ newDocumentState: created }, { assumedMasterState: before, newDocumentState: edited }])).body).toEqual([]);
    const rest = await pullAll(dispatcher, 'workOrders', 5, first.body.checkpoint);
    expect(ids(rest.documents)).toContain('wo-during-pull');
    expect(rest.documents.find((doc) => doc.id === firstId)).toMatchObject({ notes: [{ text: 'mid-pull' }] });
  });

  it('a pull page replayed with the same checkpoint returns the same documents', async () => {
    const engineer = apiAs(server.url, PEOPLE.engB, secret);
    const once = await engineer.get('/api/sync/workOrders/pull?limit=3');
    const twice = await engineer.get('/api/sync/workOrders/pull?limit=3');
    expect(twice.body).toEqual(once.body);
  });
});

describe('read scope', () => {
  it('an engineer sees only their own work orders and tickets, and all reference data', async () => {
    const engineer = apiAs(server.url, PEOPLE.engB, secret);
    const workOrders = await pullAll(engineer, 'workOrders', 100);
    expect(workOrders.documents.every((wo) => wo.type === 'workOrder' && wo.assigneeId === PEOPLE.engB.id)).toBe(true);
    expect(ids((await pullAll(engineer, 'tickets', 100)).documents)).toEqual(['tck-b']);
    expect(ids((await pullAll(engineer, 'sites', 100)).documents)).toEqual(['site-a', 'site-b']);
    expect((await pullAll(engineer, 'assets', 100)).documents).toHaveLength(WORLD.assets.length);
    expect((await pullAll(engineer, 'users', 100)).documents).toHaveLength(WORLD.users.length);
  });

  it('a site manager sees only their sites’ tickets and assets, and no work orders', async () => {
    const manager = apiAs(server.url, PEOPLE.managerA, secret);
    expect(ids((await pullAll(manager, 'tickets', 100)).documents)).toEqual(['tck-a']);
    expect(ids((await pullAll(manager, 'assets', 100)).documents)).toEqual(['a1', 'a2', 'a3']);
    expect((await pullAll(manager, 'workOrders', 100)).documents).toEqual([]);
  });

  it('a site manager moved to another site drops the first site’s documents and gets the new one’s on the next pull', async () => {
    const before = apiAs(server.url, PEOPLE.managerA, secret);
    const tickets = await pullAll(before, 'tickets', 100);
    const assets = await pullAll(before, 'assets', 100);
    // The admin moves them to site B: the token they hold is refused from then on (the device
    // renews it), their next one says so, and nothing in either site changed.
    await moveManagerA(['site-b']);
    expect((await before.get('/api/sync/assets/pull?limit=1')).status).toBe(401);
    const after = apiAs(server.url, { ...PEOPLE.managerA, siteIds: ['site-b'] }, secret);
    const removedOrAdded = (docs: { id: string; _deleted?: boolean }[]) => Object.fromEntries(docs.map((doc) => [doc.id, doc._deleted ? 'removed' : 'visible']));
    const ticketsNow = await pullAll(after, 'tickets', 2, tickets.checkpoint);
    // tck-a stays: they reported it, and a reporter follows their report wherever they work.
    expect(removedOrAdded(ticketsNow.documents)).toEqual({ 'tck-a': 'visible', 'tck-b': 'visible' });
    const assetsNow = await pullAll(after, 'assets', 2, assets.checkpoint);
    expect(removedOrAdded(assetsNow.documents)).toEqual({ a1: 'removed', a2: 'removed', a3: 'removed', b1: 'visible', b2: 'visible' });
    // Caught up: the next pull from where it ended has nothing, and the same scope is not caught up twice.
    expect((await pullAll(after, 'assets', 100, assetsNow.checkpoint)).documents).toEqual([]);
    await moveManagerA(PEOPLE.managerA.siteIds);
  });

  it('a checkpoint whose former scope was forged counts only for its position: no catch-up serves what the token does not allow', async () => {
    const manager = apiAs(server.url, PEOPLE.managerA, secret);
    const { checkpoint } = await pullAll(manager, 'tickets', 100);
    const [content, signature] = String(checkpoint).split('.');
    // Claims to have pulled as a dispatcher (everything) and to be catching up from it.
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(content ?? '', 'base64url').toString()), scope: 'all', was: 'all' })).toString('base64url');
    const response = await manager.get<{ documents: { id: string }[] }>(`/api/sync/tickets/pull?limit=100&checkpoint=${forged}.${signature}`);
    expect(response.status).toBe(200);
    expect(response.body.documents).toEqual([]);
  });

  it('directory data never includes credentials', async () => {
    const users = await pullAll(apiAs(server.url, PEOPLE.engA, secret), 'users', 100);
    expect(JSON.stringify(users.documents)).not.toMatch(/password|hash|acl|_rev/i);
  });

  it('a reassigned work order reaches its former engineer as a removal', async () => {
    const engA = apiAs(server.url, PEOPLE.engA, secret);
    const dispatcher = apiAs(server.url, PEOPLE.dispatcher, secret);
    const before = await pullAll(engA, 'workOrders', 100);
    const target = before.documents.find((doc) => doc.id === 'wo-04');
    expect(target).toBeDefined();
    const reassigned = { ...target, assigneeId: PEOPLE.engB.id };
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: target, newDocumentState: reassigned }])).body).toEqual([]);
    const after = await pullAll(engA, 'workOrders', 100, before.checkpoint);
    expect(after.documents).toEqual([expect.objectContaining({ id: 'wo-04', _deleted: true })]);
    const engB = await pullAll(apiAs(server.url, PEOPLE.engB, secret), 'workOrders', 100);
    expect(engB.documents.find((doc) => doc.id === 'wo-04')).toMatchObject({ _deleted: false, assigneeId: PEOPLE.engB.id });
  });
});

/** What the admin's Users screen does: a synced edit of the manager's sites. */
async function moveManagerA(siteIds: string[]) {
  const admin = apiAs(server.url, PEOPLE.admin, secret);
  const users = (await pullAll(admin, 'users', 100)).documents as User[];
  const manager = users.find((user) => user.id === PEOPLE.managerA.id);
  if (!manager) throw new Error('managerA is not in the world');
  expect((await pushRows(admin, 'users', [{ assumedMasterState: manager, newDocumentState: { ...manager, siteIds } }])).body).toEqual([]);
}
