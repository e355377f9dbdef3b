import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyDoc } from '@shared/schemas/collections';
import type { Ticket, WorkOrder } from '@shared/schemas';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { apiAs, buildTicket, buildWorkOrder, insertWorld, PEOPLE } from '../helpers/replication-world';
import { pullAll, pushRows } from '../helpers/sync-client';
import type { TestApi } from '../helpers/api-client';

let server: TestServer;
const secret = 'test-secret-test-secret-test-secret-0123';
let dispatcher: TestApi;
let engA: TestApi;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await insertWorld(server.store);
  dispatcher = apiAs(server.url, PEOPLE.dispatcher, secret);
  engA = apiAs(server.url, PEOPLE.engA, secret);
});
afterAll(() => server?.stop());

async function current<D extends AnyDoc>(api: TestApi, collection: string, id: string): Promise<D> {
  const docs = (await pullAll(api, collection, 1000)).documents;
  const found = docs.find((doc) => doc.id === id);
  if (!found) throw new Error(`${collection}/${id} not visible`);
  return found as D;
}

describe('push', () => {
  it('applies a change from the assumed master and records an activity with field-level before/after', async () => {
    const master = await current<WorkOrder>(engA, 'workOrders', 'wo-00');
    const next = { ...master, status: 'en_route' as const };
    expect((await pushRows(engA, 'workOrders', [{ assumedMasterState: master, newDocumentState: next }])).body).toEqual([]);
    expect(await current(engA, 'workOrders', 'wo-00')).toMatchObject({ status: 'en_route' });
    const activities = (await pullAll(engA, 'activities', 1000)).documents;
    expect(activities).toContainEqual(expect.objectContaining({
      subjectId: 'wo-00', action: 'updated', actorId: PEOPLE.engA.id,
      changes: [{ field: 'status', before: 'scheduled', after: 'en_route' }],
    }));
  });

  it('a stale assumed state returns the current master as a conflict and changes nothing', async () => {
    const master = await current<WorkOrder>(dispatcher, 'workOrders', 'wo-02');
    const theirs = { ...master, scheduledEnd: new Date(Date.parse(master.scheduledEnd) + 3_600_000).toISOString() };
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: master, newDocumentState: theirs }])).body).toEqual([]);
    const afterFirst = await current<WorkOrder>(dispatcher, 'workOrders', 'wo-02');
    const mine = { ...master, status: 'en_route' as const };
    const response = await pushRows(engA, 'workOrders', [{ assumedMasterState: master, newDocumentState: mine }]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual([afterFirst]);
    expect(await current(dispatcher, 'workOrders', 'wo-02')).toEqual(afterFirst);
  });

  it('two concurrent pushes from one assumed state: exactly one wins, the other gets the winner', async () => {
    const master = await current<WorkOrder>(dispatcher, 'workOrders', 'wo-06');
    const a = { ...master, notes: [{ id: 'na', at: master.updatedAt, by: PEOPLE.engA.id, text: 'A' }] };
    const b = { ...master, status: 'en_route' as const };
    const [ra, rb] = await Promise.all([
      pushRows(engA, 'workOrders', [{ assumedMasterState: master, newDocumentState: a }]),
      pushRows(dispatcher, 'workOrders', [{ assumedMasterState: master, newDocumentState: b }]),
    ]);
    const losers = [ra, rb].filter((response) => (response.body ?? []).length > 0);
    expect(losers).toHaveLength(1);
    const final = await current<WorkOrder>(dispatcher, 'workOrders', 'wo-06');
    expect(losers[0]?.body).toEqual([final]);
    const aWon = final.notes.length === 1 && final.status === 'scheduled';
    const bWon = final.notes.length === 0 && final.status === 'en_route';
    expect(aWon !== bWon).toBe(true);
  });

  it('replaying a push changes nothing', async () => {
    const master = await current<WorkOrder>(engA, 'workOrders', 'wo-08');
    const row = { assumedMasterState: master, newDocumentState: { ...master, checklist: master.checklist.map((item) => ({ ...item, done: true, doneBy: PEOPLE.engA.id })) } };
    expect((await pushRows(engA, 'workOrders', [row])).body).toEqual([]);
    const afterFirst = await current(engA, 'workOrders', 'wo-08');
    const activitiesBefore = (await pullAll(engA, 'activities', 1000)).documents.length;
    expect((await pushRows(engA, 'workOrders', [row])).body).toEqual([]);
    expect(await current(engA, 'workOrders', 'wo-08')).toEqual(afterFirst);
    expect((await pullAll(engA, 'activities', 1000)).documents.length).toBe(activitiesBefore);
  });

  it('a push the schema reduces to what is stored (an unknown field, padded text) changes nothing, however often it comes', async () => {
    const master = await current<WorkOrder>(engA, 'workOrders', 'wo-04');
    const activitiesBefore = (await pullAll(engA, 'activities', 1000)).documents.length;
    const padded = { ...master, clientOnlyField: 1, checklist: master.checklist.map((item, index) => (index === 0 ? { ...item, label: `${item.label}   ` } : item)) };
    for (let replay = 0; replay < 3; replay++) {
      expect((await pushRows(engA, 'workOrders', [{ assumedMasterState: master, newDocumentState: padded }])).body).toEqual([]);
    }
    expect(await current(engA, 'workOrders', 'wo-04')).toEqual(master);
    expect((await pullAll(engA, 'activities', 1000)).documents.length).toBe(activitiesBefore);
  });

  it('ignores server-owned fields sent by a client and numbers new tickets', async () => {
    const forged = buildTicket({
      id: 'tck-forged', siteId: 'site-a', reportedBy: PEOPLE.engA.id, number: 'TCK-999999',
      createdAt: '2001-01-01T00:00:00.000Z', updatedAt: '2001-01-01T00:00:00.000Z',
      sla: { responseDueAt: '2099-01-01T00:00:00.000Z', resolutionDueAt: '2099-01-01T00:00:00.000Z', pausedMs: 5, state: 'ok', escalationLevel: 2 },
    });
    expect((await pushRows(engA, 'tickets', [{ newDocumentState: forged }])).body).toEqual([]);
    const stored = await current<Ticket>(engA, 'tickets', 'tck-forged');
    expect(stored.number).toMatch(/^TCK-\d{6}$/);
    expect(stored.number).not.toBe('TCK-999999');
    expect(stored.createdAt.startsWith('2001')).toBe(false);
    expect(stored.sla.escalationLevel).toBe(0);
    expect(Date.parse(stored.sla.responseDueAt) - Date.parse(stored.createdAt)).toBe(60 * 60_000);
  });

  it('refuses an illegal status transition with the reason, and stores nothing', async () => {
    const master = await current<WorkOrder>(engA, 'workOrders', 'wo-10');
    // Only the desk may cancel: no sequence of moves an engineer may make leads there.
    const response = await pushRows(engA, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, status: 'cancelled' } }]);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: 'illegal_transition', field: expect.stringContaining('status') });
    expect(JSON.stringify(response.body)).toMatch(/an engineer cannot move a work order from scheduled to cancelled/);
    expect(await current(engA, 'workOrders', 'wo-10')).toEqual(master);
  });

  it('accepts several offline moves collapsed into one synced change (scheduled → completed)', async () => {
    const master = await current<WorkOrder>(engA, 'workOrders', 'wo-20');
    const done = { ...master, status: 'completed' as const, resolution: 'Fixed offline', completedAt: new Date().toISOString() };
    expect((await pushRows(engA, 'workOrders', [{ assumedMasterState: master, newDocumentState: done }])).body).toEqual([]);
    const stored = await current<WorkOrder>(engA, 'workOrders', 'wo-20');
    expect(stored.status).toBe('completed');
    const reopen = await pushRows(engA, 'workOrders', [{ assumedMasterState: stored, newDocumentState: { ...stored, status: 'in_progress' } }]);
    expect(reopen.status).toBe(422);
    expect(JSON.stringify(reopen.body)).toMatch(/completed cannot change status/);
  });

  it('an engineer can neither change nor create another engineer’s work order', async () => {
    const other = await current<WorkOrder>(dispatcher, 'workOrders', 'wo-01');
    const response = await pushRows(engA, 'workOrders', [{ assumedMasterState: other, newDocumentState: { ...other, status: 'en_route' } }]);
    expect(response.status).toBe(403);
    const reassign = await current<WorkOrder>(engA, 'workOrders', 'wo-12');
    const steal = await pushRows(engA, 'workOrders', [{ assumedMasterState: reassign, newDocumentState: { ...reassign, assigneeId: PEOPLE.engB.id } }]);
    expect(steal.status).toBe(403);
    expect(steal.body).toMatchObject({ field: expect.stringContaining('assigneeId') });
    const create = await pushRows(engA, 'workOrders', [{ newDocumentState: buildWorkOrder({ id: 'wo-by-eng', assigneeId: PEOPLE.engA.id }) }]);
    expect(create.status).toBe(403);
    expect(await current(dispatcher, 'workOrders', 'wo-01')).toEqual(other);
  });

  it('a refused row refuses the whole batch: the valid rows before it are not written', async () => {
    const ok = await current<WorkOrder>(dispatcher, 'workOrders', 'wo-14');
    const response = await pushRows(dispatcher, 'workOrders', [
      { assumedMasterState: ok, newDocumentState: { ...ok, kind: 'preventive' } },
      { newDocumentState: { ...buildWorkOrder({ id: 'wo-bad', assigneeId: PEOPLE.engA.id }), kind: 'bogus' } },
    ]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'validation_failed', field: '[1].newDocumentState.kind' });
    expect(await current(dispatcher, 'workOrders', 'wo-14')).toEqual(ok);
  });

  it('a site manager can report a fault at their site only', async () => {
    const manager = apiAs(server.url, PEOPLE.managerA, secret);
    const own = buildTicket({ id: 'tck-mgr', siteId: 'site-a', reportedBy: PEOPLE.managerA.id });
    expect((await pushRows(manager, 'tickets', [{ newDocumentState: own }])).body).toEqual([]);
    const elsewhere = await pushRows(manager, 'tickets', [{ newDocumentState: buildTicket({ id: 'tck-mgr-b', siteId: 'site-b', reportedBy: PEOPLE.managerA.id }) }]);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body).toMatchObject({ field: expect.stringContaining('siteId') });
  });
});
