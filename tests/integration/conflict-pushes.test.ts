import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import { loginAs, type TestApi } from '../helpers/api-client';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** What the server answers to the pushes that edit-against-delete conflicts produce. */
let server: TestServer;
let admin: TestApi;
let dispatcher: TestApi;
let engineer: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  [admin, dispatcher, engineer] = await Promise.all([loginAs(server.url, 'admin'), loginAs(server.url, 'dispatch1'), loginAs(server.url, 'eng1')]);
});

afterAll(async () => {
  await server?.stop();
});

const masterOf = async (api: TestApi, id: string) => ((await pullAll(api, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id);

describe('pushes around deletions', () => {
  it('never brings a deleted document back: an edit over the deletion gets the deletion as a conflict', async () => {
    const wo = ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((item) => item.status === 'scheduled') as WorkOrder;
    expect((await pushRows(admin, 'workOrders', [{ assumedMasterState: wo, newDocumentState: { ...wo, _deleted: true } }])).body).toEqual([]);
    const deleted = await masterOf(admin, wo.id);
    expect(deleted?._deleted).toBe(true);
    const revived = await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: deleted, newDocumentState: { ...wo, kind: 'inspection', _deleted: false } }]);
    expect(revived.status).toBe(200);
    expect(revived.body).toEqual([expect.objectContaining({ id: wo.id, _deleted: true })]);
    expect((await masterOf(admin, wo.id))?._deleted).toBe(true);
  });

  it('acknowledges the deletion a device pushes for a work order that left its scope', async () => {
    const wo = ((await pullAll(engineer, 'workOrders', 1000)).documents as WorkOrder[]).find((item) => item.status === 'scheduled') as WorkOrder;
    const master = (await masterOf(dispatcher, wo.id)) as WorkOrder;
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, assigneeId: 'user-eng2' } }])).body).toEqual([]);
    const removed = await pushRows(engineer, 'workOrders', [{ assumedMasterState: { ...master, _deleted: true }, newDocumentState: { ...master, _deleted: true } }]);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual([]);
    expect((await masterOf(dispatcher, wo.id))?.assigneeId).toBe('user-eng2');
  });
});
