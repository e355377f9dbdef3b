import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_SCHEMAS, type CollectionName } from '@shared/schemas/collections';
import type { AppDeps } from '@server/app-deps';
import { ensureDemoData, SEED_MARKER_ID } from '@server/seed/demo';
import { DEMO_SEED, type DemoData, generateDemoData } from '@server/seed/demo-data';
import { NumberAllocator } from '@server/services/numbering';
import type { AccessMeta } from '@server/store/couch-docs';
import { Store } from '@server/store/store';
import type { AnyDoc } from '@shared/schemas/collections';
import { loginAs } from '../helpers/api-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

const SEEDED: readonly (keyof DemoData)[] = ['users', 'sites', 'categories', 'slaPolicies', 'assets', 'tickets', 'workOrders', 'comments'];

/** id → rev for every document of each seeded collection: equal snapshots mean nothing was written. */
async function snapshot(store: Store): Promise<Record<string, Record<string, string>>> {
  const result: Record<string, Record<string, string>> = {};
  for (const collection of SEEDED) {
    const page = await store.changes(collection, undefined, 5000);
    result[collection] = Object.fromEntries(page.rows.map((row) => [String(row.stored.fields.id), row.stored.rev]));
  }
  return result;
}

/** The data set the store should hold: regenerated from the base date and seed the marker pinned. */
async function expectedData(store: Store): Promise<DemoData> {
  const marker = await store.getPrivate('counters', SEED_MARKER_ID);
  expect(marker?.state).toBe('done');
  return generateDemoData({ base: new Date(String(marker?.base)), seed: Number(marker?.seed ?? DEMO_SEED) });
}

async function expectCompleteSeed(store: Store) {
  const expected = await expectedData(store);
  const stored = await snapshot(store);
  for (const collection of SEEDED) {
    expect(Object.keys(stored[collection] ?? {}).sort(), collection).toEqual(expected[collection].map((doc) => doc.id).sort());
  }
  const numbers = (await store.changes('tickets', undefined, 5000)).rows.map((row) => String(row.stored.fields.number));
  expect(new Set(numbers).size).toBe(numbers.length);
}

/** A store that dies while writing work orders, as a process killed half-way through the seed would. */
class CrashingStore extends Store {
  override async bulkInsert(collection: CollectionName, docs: { doc: AnyDoc; acl: AccessMeta }[]): Promise<void> {
    if (collection === 'workOrders') throw new Error('simulated crash while seeding');
    return super.bulkInsert(collection, docs);
  }
}

describe('demo seed on a fresh server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('stores the whole demo set, every document valid, with the counts promised', async () => {
    const stored = await snapshot(server.store);
    expect(Object.keys(stored.users ?? {})).toHaveLength(12);
    expect(Object.keys(stored.sites ?? {})).toHaveLength(5);
    expect(Object.keys(stored.assets ?? {})).toHaveLength(300);
    expect(Object.keys(stored.tickets ?? {})).toHaveLength(60);
    expect(Object.keys(stored.workOrders ?? {})).toHaveLength(120);
    expect(Object.keys(stored.slaPolicies ?? {})).toHaveLength(4);
    expect(Object.keys(stored.categories ?? {})).toHaveLength(8);
    await expectCompleteSeed(server.store);
    for (const collection of SEEDED) {
      for (const row of (await server.store.changes(collection, undefined, 5000)).rows) {
        expect(COLLECTION_SCHEMAS[collection].safeParse(row.stored.fields).success, `${collection}/${row.stored.fields.id}`).toBe(true);
      }
    }
  });

  it('lets every demo account log in with DEMO_PASSWORD and scopes their data', async () => {
    const eng1 = await loginAs(server.url, 'eng1');
    const pull = await eng1.get<{ documents: { assigneeId: string }[] }>('/api/sync/workOrders/pull?limit=1000');
    expect(pull.status).toBe(200);
    expect(pull.body.documents.length).toBe(20);
    expect(pull.body.documents.every((wo) => wo.assigneeId === 'user-eng1')).toBe(true);
    await expect(loginAs(server.url, 'site3')).resolves.toBeDefined();
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot(server.store);
    await ensureDemoData(server);
    expect(await snapshot(server.store)).toEqual(before);
  });

  it('finishes an unfinished seed without rewriting what is there', async () => {
    const marker = await server.store.getPrivate('counters', SEED_MARKER_ID);
    await server.store.putPrivate('counters', { ...marker, _id: SEED_MARKER_ID, state: 'started' });
    const before = await snapshot(server.store);
    await ensureDemoData(server);
    expect(await snapshot(server.store)).toEqual(before);
    expect((await server.store.getPrivate('counters', SEED_MARKER_ID))?.state).toBe('done');
  });

  it('continues the ticket and work-order numbering after the seeded numbers', async () => {
    const tickets = (await server.store.changes('tickets', undefined, 5000)).rows.map((row) => String(row.stored.fields.number));
    const workOrders = (await server.store.changes('workOrders', undefined, 5000)).rows.map((row) => String(row.stored.fields.number));
    const allocator = new NumberAllocator(server.store);
    const nextTicket = await allocator.nextNumber('TCK');
    const nextWorkOrder = await allocator.nextNumber('WO');
    for (const number of tickets) expect(nextTicket > number, `${nextTicket} > ${number}`).toBe(true);
    for (const number of workOrders) expect(nextWorkOrder > number, `${nextWorkOrder} > ${number}`).toBe(true);
  });
});

describe('demo seed robustness', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('does not seed a store that already has users', async () => {
    const other = await startTestServer({ seed: false });
    try {
      const [user] = generateDemoData({ base: new Date() }).users;
      if (!user) throw new Error('no demo user');
      await other.store.put('users', { ...user, id: 'user-someone', username: 'someone' }, { readers: ['public'], formerReaders: [] });
      await ensureDemoData(other);
      expect(Object.keys((await snapshot(other.store)).sites ?? {})).toHaveLength(0);
    } finally {
      await other.stop();
    }
  });

  it('recovers from a crash half-way, even with two processes finishing it at once', async () => {
    const crashing = new CrashingStore(server.couchUrl, server.config.DB_PREFIX, server.logger);
    const crashingDeps: AppDeps = { ...server, store: crashing };
    await expect(ensureDemoData(crashingDeps)).rejects.toThrow(/simulated crash/);
    const halfDone = await snapshot(server.store);
    expect(Object.keys(halfDone.tickets ?? {})).toHaveLength(60);
    expect(Object.keys(halfDone.workOrders ?? {})).toHaveLength(0);
    expect(Object.keys(halfDone.users ?? {})).toHaveLength(0);
    const second = new Store(server.couchUrl, server.config.DB_PREFIX, server.logger);
    await Promise.all([ensureDemoData(server), ensureDemoData({ ...server, store: second })]);
    await expectCompleteSeed(server.store);
    // Tickets written before the crash keep their numbers: nothing was overwritten.
    expect((await snapshot(server.store)).tickets).toEqual(halfDone.tickets);
    await expect(loginAs(server.url, 'dispatch1')).resolves.toBeDefined();
  });

  it('seeds once when two processes start together on an empty store', async () => {
    const fresh = await startTestServer({ seed: false });
    try {
      const second = new Store(fresh.couchUrl, fresh.config.DB_PREFIX, fresh.logger);
      await Promise.all([ensureDemoData(fresh), ensureDemoData({ ...fresh, store: second })]);
      await expectCompleteSeed(fresh.store);
    } finally {
      await fresh.stop();
    }
  });
});
