import 'fake-indexeddb/auto';
import { firstValueFrom, filter } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { Random } from '@server/seed/prng';
import { replicatedCollectionCreators } from '@app/db/collections';
import { groupTodayWorkOrders } from '@app/features/today/today-groups';
import { todayList$, todayQueries, type TodayList, type TodayUser } from '@app/features/today/today-query';
import { WORK_ORDER_MACHINE } from '@shared/domain/state-machine';
import { WORK_ORDER_STATUSES, type WorkOrder } from '@shared/schemas/work-order';
import { buildWorkOrder } from '../../helpers/factories';

// The work-order collection has a migration strategy (schema v1), as in app/db/database.ts.
addRxPlugin(RxDBMigrationSchemaPlugin);

/**
 * The Today list's index-range queries must list exactly what grouping every work order of the
 * user lists (the screen's earlier query): checked on seeded random work orders around today,
 * some stamped with UTC offsets, for an engineer and for the desk.
 */
const now = new Date('2026-03-02T12:00:00.000Z');
const engineer: TodayUser = { id: 'user-eng1', role: 'engineer' };
const dispatcher: TodayUser = { id: 'user-disp1', role: 'dispatcher' };
const isOpen = (wo: WorkOrder) => !WORK_ORDER_MACHINE.terminal.includes(wo.status);

/** An ISO stamp of `ms` written with a UTC offset of `minutes` (the same instant). */
function stampWithOffset(ms: number, minutes: number): string {
  if (minutes === 0) return new Date(ms).toISOString();
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(minutes);
  return `${local}${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function randomWorkOrders(count: number): WorkOrder[] {
  const rng = new Random(7);
  return Array.from({ length: count }, (_, index) => {
    const startMs = now.getTime() + rng.int(-40 * 24, 40 * 24) * 3_600_000 + rng.pick([0, 15, 30]) * 60_000;
    const offset = rng.chance(0.2) ? rng.pick([-600, -300, 330, 600, 840]) : 0;
    const status = rng.pick(WORK_ORDER_STATUSES);
    // Completed within three days of its date, ahead of it or after it: listed on the day it was done.
    const completedAt = status === 'completed' ? stampWithOffset(startMs + rng.int(-72, 72) * 3_600_000, offset) : undefined;
    return buildWorkOrder({
      id: `wo-${String(index).padStart(4, '0')}`,
      assigneeId: rng.chance(0.8) ? engineer.id : 'user-eng2',
      status,
      scheduledStart: stampWithOffset(startMs, offset),
      scheduledEnd: new Date(startMs + 3_600_000).toISOString(),
      ...(completedAt ? { completedAt } : {}),
    });
  });
}

const ids = (list: readonly WorkOrder[]) => list.map((wo) => wo.id);
const idsOf = (list: TodayList) => ({ today: ids(list.today), earlierOpen: ids(list.earlierOpen), upcoming: ids(list.upcoming) });

let db: RxDatabase | undefined;
let workOrders: RxCollection<WorkOrder>;
const all = randomWorkOrders(600);

beforeAll(async () => {
  db = await createRxDatabase({ name: 'today-query-test', storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) });
  await db.addCollections({ workOrders: replicatedCollectionCreators().workOrders! });
  // Stored as RxDB keeps them: without `_deleted` (hence the untyped handle for writes).
  await db.workOrders!.bulkInsert(all.map(({ _deleted, ...doc }) => (void _deleted, doc)));
  workOrders = db.workOrders!;
});
afterAll(async () => {
  await db?.remove();
});

describe('the Today list by index ranges', () => {
  const cases = [
    { user: engineer, visible: (wo: WorkOrder) => wo.assigneeId === engineer.id },
    { user: dispatcher, visible: isOpen },
  ];
  for (const { user, visible } of cases) {
    it(`lists what grouping all the work orders lists (${user.role})`, async () => {
      const expected = groupTodayWorkOrders(all.filter(visible), now);
      const list = await firstValueFrom(todayList$(workOrders, user, now, { today: 1000, earlierOpen: 1000, upcoming: 1000 }));
      expect(idsOf(list)).toEqual({ today: ids(expected.today), earlierOpen: ids(expected.earlierOpen), upcoming: ids(expected.upcoming) });
      expect(list.today.length).toBeGreaterThan(0);
      expect(list.more).toEqual({ today: false, earlierOpen: false, upcoming: false });
    });

    it(`cuts each group to its first work orders in time order and says there are more (${user.role})`, async () => {
      const expected = groupTodayWorkOrders(all.filter(visible), now);
      const list = await firstValueFrom(todayList$(workOrders, user, now, { today: 2, earlierOpen: 7, upcoming: 3 }));
      expect(idsOf(list)).toEqual({ today: ids(expected.today.slice(0, 2)), earlierOpen: ids(expected.earlierOpen.slice(0, 7)), upcoming: ids(expected.upcoming.slice(0, 3)) });
      expect(list.more).toEqual({ today: true, earlierOpen: true, upcoming: true });
    });

    it(`says a group holds no more once its limit reaches its length (${user.role})`, async () => {
      const expected = groupTodayWorkOrders(all.filter(visible), now);
      const limits = { today: expected.today.length, earlierOpen: expected.earlierOpen.length, upcoming: expected.upcoming.length };
      const list = await firstValueFrom(todayList$(workOrders, user, now, limits));
      expect(idsOf(list)).toEqual({ today: ids(expected.today), earlierOpen: ids(expected.earlierOpen), upcoming: ids(expected.upcoming) });
      expect(list.more).toEqual({ today: false, earlierOpen: false, upcoming: false });
    });
  }

  it('reads one more than each page, not a whole busy day', () => {
    const queries = todayQueries(engineer, now, { today: 50, earlierOpen: 10, upcoming: 10 });
    // Under way (any date), waiting today, done today.
    expect(queries.today.map((query) => query.limit)).toEqual([51, 51, 51]);
    expect([...queries.earlierOpen, ...queries.upcoming].map((query) => query.limit)).toEqual([11, 11]);
  });

  it('follows changes live', async () => {
    const list$ = todayList$(workOrders, engineer, now, { today: 1000, earlierOpen: 5, upcoming: 5 });
    const first = await firstValueFrom(list$);
    const { _deleted, ...added } = buildWorkOrder({ id: 'wo-added', assigneeId: engineer.id, status: 'completed', scheduledStart: new Date(now.getTime() + 60_000).toISOString() });
    void _deleted;
    const next = firstValueFrom(list$.pipe(filter((list) => list.today.some((wo) => wo.id === 'wo-added'))));
    await db!.workOrders!.insert(added);
    expect((await next).today).toHaveLength(first.today.length + 1);
  });

  it('keeps a job completed ahead of its date in today’s list (its key moves to the completion)', async () => {
    const list$ = todayList$(workOrders, engineer, now, { today: 1000, earlierOpen: 5, upcoming: 5 });
    const ahead = (await firstValueFrom(list$)).upcoming[0];
    expect(ahead).toBeDefined();
    const done = firstValueFrom(list$.pipe(filter((list) => list.today.some((wo) => wo.id === ahead!.id))));
    await (await workOrders.findOne(ahead!.id).exec())?.incrementalPatch({ status: 'completed', completedAt: now.toISOString() });
    expect((await done).upcoming.some((wo) => wo.id === ahead!.id)).toBe(false);
  });

  it('drops an earlier open work order once it is done (its index key changes with its status)', async () => {
    const list$ = todayList$(workOrders, engineer, now, { today: 1000, earlierOpen: 5, upcoming: 5 });
    const overdue = (await firstValueFrom(list$)).earlierOpen[0];
    expect(overdue).toBeDefined();
    const gone = firstValueFrom(list$.pipe(filter((list) => !list.earlierOpen.some((wo) => wo.id === overdue!.id))));
    await (await workOrders.findOne(overdue!.id).exec())?.incrementalPatch({ status: 'completed' });
    const after = await gone;
    expect(after.earlierOpen).toHaveLength(5);
    expect(after.earlierOpen.every((wo) => isOpen(wo))).toBe(true);
  });
});
