import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '@shared/schemas/attachment';
import type { WorkOrder } from '@shared/schemas';
import { buildAttachment } from '../helpers/factories';
import { loginAs, type TestApi } from '../helpers/api-client';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * An engineer works on a job offline while the desk gives it to someone else. What they did on
 * site is handed in (after the usual merge against the reassigned job) instead of being refused
 * or undone, and their device is then told to drop the job (write-plan.ts handsInWork).
 */
let server: TestServer;
let engineer: TestApi;
let dispatcher: TestApi;
let otherEngineer: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  [engineer, dispatcher, otherEngineer] = await Promise.all([loginAs(server.url, 'eng1'), loginAs(server.url, 'dispatch1'), loginAs(server.url, 'eng3')]);
});

afterAll(async () => {
  await server?.stop();
});

const deskCopy = async (id: string) => ((await pullAll(dispatcher, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id) as WorkOrder;
const note = (text: string) => ({ id: `note-${text.replace(/\W/g, '-')}`, at: new Date().toISOString(), by: 'user-eng1', text });

/** One of eng1's scheduled jobs, given to eng2 by the desk while eng1's phone is offline. */
async function reassignedWhileOffline() {
  const base = ((await pullAll(engineer, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.status === 'scheduled' && !wo._deleted) as WorkOrder;
  const desk = await deskCopy(base.id);
  expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: desk, newDocumentState: { ...desk, assigneeId: 'user-eng2' } }])).body).toEqual([]);
  return base;
}

describe('work done offline on a job the desk reassigned meanwhile', () => {
  it('is handed in after the merge, and the job then leaves the engineer’s device', async () => {
    const base = await reassignedWhileOffline();
    const onSite = { ...base, status: 'en_route' as const, notes: [...base.notes, note('Gate code 4411')] };
    // The first push meets the job as it is now (not a removal), for the device to merge with.
    const first = await pushRows(engineer, 'workOrders', [{ assumedMasterState: base, newDocumentState: onSite }]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual([expect.objectContaining({ id: base.id, assigneeId: 'user-eng2', _deleted: false })]);
    const master = first.body[0] as WorkOrder;
    // The device's merge keeps the desk's assignment and adds the engineer's work.
    const merged = { ...master, status: onSite.status, notes: onSite.notes };
    expect((await pushRows(engineer, 'workOrders', [{ assumedMasterState: master, newDocumentState: merged }])).body).toEqual([]);

    expect(await deskCopy(base.id)).toMatchObject({ assigneeId: 'user-eng2', status: 'en_route', notes: onSite.notes });
    const engineersCopy = ((await pullAll(engineer, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === base.id);
    expect(engineersCopy?._deleted).toBe(true);
    // Pushed again (its answer lost): nothing more is written, and the device is told to drop the job.
    const again = await pushRows(engineer, 'workOrders', [{ assumedMasterState: master, newDocumentState: merged }]);
    expect(again.body).toEqual([expect.objectContaining({ id: base.id, _deleted: true })]);
  });

  it('takes a photo of that job, which the engineer’s device is then told to drop', async () => {
    const base = await reassignedWhileOffline();
    const photo = buildAttachment({ ownerId: base.id, createdBy: 'user-eng1' });
    expect((await pushRows(engineer, 'attachments', [{ newDocumentState: photo }])).body).toEqual([]);
    const stored = await server.store.get('attachments', photo.id);
    expect(stored?.acl.readers).toContain('user:user-eng2');
    const pulled = ((await pullAll(engineer, 'attachments', 1000)).documents as Attachment[]).find((item) => item.id === photo.id);
    expect(pulled?._deleted).toBe(true);
  });

  it('still holds the engineer to their role: the desk’s fields are refused, and a stranger is refused outright', async () => {
    const base = await reassignedWhileOffline();
    const master = await deskCopy(base.id);
    const takeBack = await pushRows(engineer, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, assigneeId: 'user-eng1' } }]);
    expect(takeBack.status).toBe(403);
    expect(takeBack.body).toMatchObject({ field: '[0].newDocumentState.assigneeId' });
    const stranger = await pushRows(otherEngineer, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, notes: [note('not mine')] } }]);
    expect(stranger.status).toBe(403);
    const strangerPhoto = await pushRows(otherEngineer, 'attachments', [{ newDocumentState: buildAttachment({ ownerId: base.id, createdBy: 'user-eng3' }) }]);
    expect(strangerPhoto.status).toBe(403);
    expect((await deskCopy(base.id)).assigneeId).toBe('user-eng2');
  });
});
