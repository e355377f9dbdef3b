import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChecklistItem, buildDefaultChecklist, removeChecklistItem, renameChecklistItem } from '@shared/domain/checklist';
import type { WorkOrder } from '@shared/schemas';
import { loginAs, type TestApi } from '../helpers/api-client';
import { buildWorkOrder } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

type ErrorReply = { error: string; message: string; field?: string };

/** The checklist's write rules on the real server: the desk writes the steps, the engineer ticks, a done step stays. */
let server: TestServer;
let dispatcher: TestApi;
let engineer: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  dispatcher = await loginAs(server.url, 'dispatch1');
  engineer = await loginAs(server.url, 'eng1');
});
afterAll(() => server?.stop());

async function stored(id: string): Promise<WorkOrder> {
  const found = (await pullAll(dispatcher, 'workOrders', 1000)).documents.find((doc) => doc.id === id);
  if (!found) throw new Error(`workOrders/${id} not stored`);
  return found as WorkOrder;
}

function edited(wo: WorkOrder, edit: ReturnType<typeof addChecklistItem>): WorkOrder {
  if (!edit.ok) throw new Error(edit.message);
  return { ...wo, checklist: edit.checklist };
}

describe('a work order’s checklist on the server', () => {
  it('takes a new job’s default checklist and the desk’s edits of it, and the engineer’s tick; refuses removing the done step', async () => {
    let n = 0;
    const checklist = buildDefaultChecklist('corrective', ['hvac'], () => `chk-int-${++n}`);
    const created = buildWorkOrder({ id: 'wo-checklist-rules', number: 'WO-P-CHECKLIST1', siteId: 'site-lon', assigneeId: 'user-eng1', checklist });
    delete created.assetId;
    expect((await pushRows(dispatcher, 'workOrders', [{ newDocumentState: created }])).body).toEqual([]);
    const first = await stored(created.id);
    expect(first.checklist.map((item) => item.label)).toEqual(checklist.map((item) => item.label));

    // The desk adds, renames and removes steps nobody has done.
    let desk = edited(first, addChecklistItem(first.checklist, 'Check the condensate drain', 'chk-int-added'));
    desk = edited(desk, renameChecklistItem(desk.checklist, 'chk-int-1', 'Call the site contact on arrival'));
    desk = edited(desk, removeChecklistItem(desk.checklist, 'chk-int-2'));
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: first, newDocumentState: desk }])).body).toEqual([]);
    const second = await stored(created.id);
    expect(second.checklist.map((item) => item.id)).toEqual(desk.checklist.map((item) => item.id));
    expect(second.checklist[0]?.label).toBe('Call the site contact on arrival');

    // The engineer ticks the step the desk added.
    const tick = { ...second, checklist: second.checklist.map((item) => (item.id === 'chk-int-added' ? { ...item, done: true, doneBy: 'user-eng1', doneAt: second.updatedAt } : item)) };
    expect((await pushRows(engineer, 'workOrders', [{ assumedMasterState: second, newDocumentState: tick }])).body).toEqual([]);
    const third = await stored(created.id);
    expect(third.checklist.find((item) => item.id === 'chk-int-added')).toMatchObject({ done: true, doneBy: 'user-eng1' });

    // Nobody removes it now, the desk included: refused, naming the checklist, nothing changed.
    const removal = { ...third, checklist: third.checklist.filter((item) => item.id !== 'chk-int-added') };
    const refused = await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: third, newDocumentState: removal }]);
    expect(refused.status).toBe(403);
    expect((refused.body as unknown as ErrorReply).field).toBe('[0].newDocumentState.checklist');
    expect((refused.body as unknown as ErrorReply).message).toContain('Check the condensate drain');
    expect((await stored(created.id)).checklist).toEqual(third.checklist);
  });
});
