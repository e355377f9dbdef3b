import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addRxPlugin, createRxDatabase, type MangoQuery, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { Random } from '@server/seed/prng';
import { replicatedCollectionCreators } from '@app/db/collections';
import { withIndexRangeReads } from '@app/db/index-range-reads';
import { todayQueries, type TodayUser } from '@app/features/today/today-query';
import { WORK_ORDER_STATUSES, type WorkOrder } from '@shared/schemas/work-order';
import { buildWorkOrder } from '../../helpers/factories';

addRxPlugin(RxDBMigrationSchemaPlugin);

/**
 * Queries read with `getAll` on the index range must answer exactly what RxDB's own cursor query
 * answers: same documents, same order, deleted ones left out, skip and limit applied; including a
 * limited query whose first read holds too few matches (it reads on after the last entry).
 */
const now = new Date('2026-03-02T12:00:00.000Z');
const DAY_MS = 86_400_000;
const rareEngineer = 'user-eng-rare';

function randomWorkOrders(count: number): WorkOrder[] {
  const rng = new Random(11);
  return Array.from({ length: count }, (_, index) =>
    buildWorkOrder({
      id: `wo-${String(index).padStart(4, '0')}`,
      // A few work orders of one engineer among many: their limited queries read on past their first read.
      assigneeId: index % 40 === 0 ? rareEngineer : rng.pick(['user-eng1', 'user-eng2']),
      status: rng.pick(WORK_ORDER_STATUSES),
      scheduledStart: new Date(now.getTime() + rng.int(-20 * 24, 20 * 24) * 3_600_000).toISOString(),
    }),
  );
}

async function openWith(name: string, storage: RxStorage<unknown, unknown>, docs: WorkOrder[]) {
  const db = await createRxDatabase({ name, storage });
  await db.addCollections({ workOrders: replicatedCollectionCreators().workOrders! });
  const workOrders = db.workOrders as RxCollection<WorkOrder>;
  await workOrders.bulkInsert(docs.map(({ _deleted, ...doc }) => (void _deleted, doc)) as WorkOrder[]);
  // Deleted documents stay in the store (RxDB keeps tombstones) and must never be answered.
  await workOrders.find({ selector: { id: { $in: docs.filter((_, index) => index % 7 === 3).map((wo) => wo.id) } } }).remove();
  return db;
}

const queriesFor = (user: TodayUser, day: number, limit: number): MangoQuery<WorkOrder>[] => {
  const queries = todayQueries(user, new Date(now.getTime() + day * DAY_MS), { today: limit, earlierOpen: limit, upcoming: limit });
  return [...queries.today, ...queries.earlierOpen, ...queries.upcoming];
};

// Each query once: RxDB answers a repeated one (the under-way range is every day's) from its cache.
const unique = (queries: MangoQuery<WorkOrder>[]) => [...new Map(queries.map((query) => [JSON.stringify(query), query])).values()];

const QUERIES: MangoQuery<WorkOrder>[] = unique([
  ...[-3, 0, 1, 5].flatMap((day) => queriesFor({ id: 'user-eng1', role: 'engineer' }, day, 10)),
  ...[0, 2].flatMap((day) => queriesFor({ id: rareEngineer, role: 'engineer' }, day, 3)),
  ...queriesFor({ id: 'user-disp1', role: 'dispatcher' }, 0, 100),
  { selector: { status: 'completed' }, sort: [{ scheduledStart: 'desc' }], skip: 3, limit: 5 },
  { selector: { assigneeId: rareEngineer }, sort: [{ scheduledStart: 'asc' }], skip: 2, limit: 4 },
  // Sorted by a field no index starts with: the whole range is read and sorted.
  { selector: { status: { $in: ['scheduled', 'on_hold'] } }, sort: [{ number: 'asc' }, { id: 'asc' }], limit: 12 },
  { selector: {}, limit: 7 },
  { selector: { scheduleKey: { $gt: 'open:2027-01-01T00:00:00.000Z' } }, sort: [{ scheduleKey: 'asc' }], index: ['scheduleKey'] } as MangoQuery<WorkOrder>,
]);

let plain: RxDatabase;
let ranged: RxDatabase;

beforeAll(async () => {
  const docs = randomWorkOrders(800);
  plain = await openWith('index-range-plain', getRxStorageDexie({ indexedDB, IDBKeyRange }), docs);
  ranged = await openWith('index-range-ranged', withIndexRangeReads(getRxStorageDexie({ indexedDB, IDBKeyRange })), docs);
});
afterAll(async () => {
  await plain?.remove();
  await ranged?.remove();
});

describe('queries read by index range', () => {
  it('answer exactly what RxDB’s cursor query answers, reading with getAll', async () => {
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    let nonEmpty = 0;
    for (const query of QUERIES) {
      const expected = (await plain.workOrders!.find(query).exec()).map((doc) => doc.id);
      const calls = getAll.mock.calls.length;
      const answered = (await ranged.workOrders!.find(query).exec()).map((doc) => doc.id);
      expect(answered, JSON.stringify(query)).toEqual(expected);
      expect(getAll.mock.calls.length, JSON.stringify(query)).toBeGreaterThan(calls);
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(QUERIES.length / 2);
    getAll.mockRestore();
  });
});
