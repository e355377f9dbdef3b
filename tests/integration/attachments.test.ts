import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, WorkOrder } from '@shared/schemas';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '@shared/schemas/attachment';
import type { AnyDoc } from '@shared/schemas/collections';
import type { Activity } from '@shared/schemas/misc';
import type { StreamEvent } from '@shared/sync/protocol';
import type { TestApi } from '../helpers/api-client';
import { buildAttachment, buildComment } from '../helpers/factories';
import { apiAs, insertWorld, PEOPLE } from '../helpers/replication-world';
import { pullAll, pushRows, StreamReader } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
const secret = 'test-secret-test-secret-test-secret-0123';
let admin: TestApi;
let dispatcher: TestApi;
let engA: TestApi;
let engB: TestApi;
let managerA: TestApi;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await insertWorld(server.store);
  admin = apiAs(server.url, PEOPLE.admin, secret);
  dispatcher = apiAs(server.url, PEOPLE.dispatcher, secret);
  engA = apiAs(server.url, PEOPLE.engA, secret);
  engB = apiAs(server.url, PEOPLE.engB, secret);
  managerA = apiAs(server.url, PEOPLE.managerA, secret);
});
afterAll(() => server?.stop());

async function pulled<D extends AnyDoc>(api: TestApi, collection: string, checkpoint?: string | null) {
  const result = await pullAll(api, collection, 1000, checkpoint);
  return { documents: result.documents as D[], checkpoint: result.checkpoint };
}
async function visibleIds(api: TestApi): Promise<string[]> {
  return (await pulled(api, 'attachments')).documents.map((doc) => doc.id);
}
async function masterOf<D extends AnyDoc>(collection: string, id: string): Promise<D> {
  const found = (await pulled<D>(dispatcher, collection)).documents.find((doc) => doc.id === id);
  if (!found) throw new Error(`${collection}/${id} not found`);
  return found;
}
const photo = (ownerId: string, createdBy: string, overrides: Partial<Attachment> = {}) => buildAttachment({ ownerId, createdBy, ...overrides });
const field = (name: string) => `[0].newDocumentState.${name}`;
/** A max-size photo: MAX_ATTACHMENT_BYTES of bytes, base64 as the app stores it. */
const maxSizeData = Buffer.alloc(MAX_ATTACHMENT_BYTES, 7).toString('base64');

describe('attachments inherit their owner’s readers', () => {
  it('an engineer’s photo on their own work order is seen by them and the desk only', async () => {
    const mine = photo('wo-00', PEOPLE.engA.id);
    const response = await pushRows(engA, 'attachments', [{ newDocumentState: mine }]);
    expect(response).toMatchObject({ status: 200, body: [] });
    const stored = (await pulled<Attachment>(engA, 'attachments')).documents.find((doc) => doc.id === mine.id);
    expect(stored).toEqual({ ...mine, createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect(await visibleIds(dispatcher)).toContain(mine.id);
    expect(await visibleIds(engB)).not.toContain(mine.id);
    expect(await visibleIds(managerA)).not.toContain(mine.id);
  });

  it('an engineer cannot attach to another engineer’s work order', async () => {
    const theirs = photo('wo-01', PEOPLE.engA.id);
    const response = await pushRows(engA, 'attachments', [{ newDocumentState: theirs }]);
    expect(response).toMatchObject({ status: 403, body: { error: 'forbidden', field: field('ownerId') } });
    expect(await visibleIds(dispatcher)).not.toContain(theirs.id);
  });

  it('createdBy must be the pusher', async () => {
    const forged = photo('wo-00', PEOPLE.engB.id);
    const response = await pushRows(engA, 'attachments', [{ newDocumentState: forged }]);
    expect(response).toMatchObject({ status: 403, body: { error: 'forbidden', field: field('createdBy') } });
  });

  it.each([
    ['a content type that is not an image', { contentType: 'image/gif' }, 'contentType'],
    ['a size over the limit', { size: MAX_ATTACHMENT_BYTES + 1 }, 'size'],
    ['data that is not base64', { data: 'not base64!' }, 'data'],
    ['data longer than the limit allows', { data: `${maxSizeData}AAAA` }, 'data'],
    ['an owner collection that has no attachments', { ownerCollection: 'sites' }, 'ownerCollection'],
    ['an owner that does not exist', { ownerId: 'wo-missing' }, 'ownerId'],
    ['a ticket id given as a work order', { ownerId: 'tck-a' }, 'ownerId'],
  ])('refuses %s with a 400 naming the field, storing nothing', async (_name, overrides, name) => {
    const bad = { ...photo('wo-00', PEOPLE.engA.id), ...overrides };
    const response = await pushRows(engA, 'attachments', [{ newDocumentState: bad }]);
    expect(response).toMatchObject({ status: 400, body: { error: 'validation_failed', field: field(name) } });
    expect(await visibleIds(dispatcher)).not.toContain(bad.id);
  });

  it('refuses a photo on a deleted work order as a missing owner', async () => {
    const master = await masterOf<WorkOrder>('workOrders', 'wo-28');
    expect((await pushRows(admin, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, _deleted: true } }])).body).toEqual([]);
    const response = await pushRows(engA, 'attachments', [{ newDocumentState: photo('wo-28', PEOPLE.engA.id) }]);
    expect(response).toMatchObject({ status: 400, body: { field: field('ownerId') } });
  });

  it('a site manager attaches to a ticket at their site, not at another site', async () => {
    const here = photo('tck-a', PEOPLE.managerA.id, { ownerCollection: 'tickets' });
    expect((await pushRows(managerA, 'attachments', [{ newDocumentState: here }])).body).toEqual([]);
    expect(await visibleIds(managerA)).toContain(here.id);
    // The ticket's assignee reads the ticket, so they read its photos too.
    expect(await visibleIds(engA)).toContain(here.id);
    const elsewhere = photo('tck-b', PEOPLE.managerA.id, { ownerCollection: 'tickets' });
    const response = await pushRows(managerA, 'attachments', [{ newDocumentState: elsewhere }]);
    expect(response).toMatchObject({ status: 403, body: { field: field('ownerId') } });
  });
});

describe('attachments are immutable and pushes are idempotent', () => {
  it('replaying an attachment push changes nothing', async () => {
    const row = { newDocumentState: photo('wo-06', PEOPLE.engA.id) };
    expect((await pushRows(engA, 'attachments', [row])).body).toEqual([]);
    const before = await masterOf<Attachment>('attachments', row.newDocumentState.id);
    const activities = (await pulled(dispatcher, 'activities')).documents.length;
    expect((await pushRows(engA, 'attachments', [row])).body).toEqual([]);
    expect(await masterOf('attachments', row.newDocumentState.id)).toEqual(before);
    expect((await pulled(dispatcher, 'activities')).documents).toHaveLength(activities);
  });

  it('nobody can change an existing attachment’s data', async () => {
    const taken = photo('wo-08', PEOPLE.engA.id);
    expect((await pushRows(engA, 'attachments', [{ newDocumentState: taken }])).body).toEqual([]);
    const master = await masterOf<Attachment>('attachments', taken.id);
    for (const api of [engA, dispatcher, admin]) {
      const response = await pushRows(api, 'attachments', [{ assumedMasterState: master, newDocumentState: { ...master, data: 'AAAA' } }]);
      expect(response).toMatchObject({ status: 403, body: { field: field('data') } });
    }
    expect(await masterOf('attachments', taken.id)).toEqual(master);
  });
});

describe('attachments follow their owner when it is reassigned', () => {
  it('a reassigned work order takes its photos from the former assignee’s device to the new one', async () => {
    const taken = photo('wo-02', PEOPLE.engA.id);
    expect((await pushRows(engA, 'attachments', [{ newDocumentState: taken }])).body).toEqual([]);
    const before = await pulled<Attachment>(engA, 'attachments');
    const stored = before.documents.find((doc) => doc.id === taken.id);
    const engBBefore = await pulled(engB, 'attachments');
    const stream = await StreamReader.open(engA);
    try {
      const order = await masterOf<WorkOrder>('workOrders', 'wo-02');
      const reassign = { assumedMasterState: order, newDocumentState: { ...order, assigneeId: PEOPLE.engB.id } };
      expect((await pushRows(dispatcher, 'workOrders', [reassign])).body).toEqual([]);
      expect((await pulled(engA, 'attachments', before.checkpoint)).documents).toEqual([{ ...stored, _deleted: true }]);
      expect((await pulled(engB, 'attachments', engBBefore.checkpoint)).documents).toEqual([stored]);
      const removal = await stream.waitFor((event) => isChangeOf(event, taken.id));
      expect(removal).toMatchObject({ collection: 'attachments', documents: [{ ...stored, _deleted: true }] });
    } finally {
      stream.close();
    }
  });

  it('a reassigned ticket takes its comments and photos along', async () => {
    const comment = buildComment({ ticketId: 'tck-a', authorId: PEOPLE.engA.id });
    const taken = photo('tck-a', PEOPLE.engA.id, { ownerCollection: 'tickets' });
    expect((await pushRows(engA, 'comments', [{ newDocumentState: comment }])).body).toEqual([]);
    expect((await pushRows(engA, 'attachments', [{ newDocumentState: taken }])).body).toEqual([]);
    const [comments, attachments] = [await pulled(engA, 'comments'), await pulled(engA, 'attachments')];
    const engBBefore = await pulled(engB, 'attachments');
    const ticket = await masterOf<Ticket>('tickets', 'tck-a');
    expect((await pushRows(dispatcher, 'tickets', [{ assumedMasterState: ticket, newDocumentState: { ...ticket, assigneeId: PEOPLE.engB.id } }])).body).toEqual([]);
    const lostComments = (await pulled(engA, 'comments', comments.checkpoint)).documents;
    expect(lostComments).toEqual([expect.objectContaining({ id: comment.id, _deleted: true })]);
    const lostPhotos = (await pulled(engA, 'attachments', attachments.checkpoint)).documents;
    expect(lostPhotos.map((doc) => [doc.id, doc._deleted])).toContainEqual([taken.id, true]);
    expect(lostPhotos.every((doc) => doc._deleted)).toBe(true);
    expect((await pulled(engB, 'attachments', engBBefore.checkpoint)).documents.map((doc) => doc.id)).toContain(taken.id);
    // The site's manager reads the ticket through its site, so nothing leaves their device.
    expect(await visibleIds(managerA)).toContain(taken.id);
  });
});

describe('push batches of attachments fit the body limit', () => {
  it('accepts a batch of 10 max-size attachments and keeps the bytes out of the audit trail', async () => {
    const batch = Array.from({ length: 10 }, () => photo('wo-04', PEOPLE.engA.id, { size: MAX_ATTACHMENT_BYTES, data: maxSizeData }));
    const response = await pushRows(engA, 'attachments', batch.map((newDocumentState) => ({ newDocumentState })));
    expect(response).toMatchObject({ status: 200, body: [] });
    const mine = (await pulled<Attachment>(engA, 'attachments')).documents.filter((doc) => doc.ownerId === 'wo-04');
    expect(mine).toHaveLength(10);
    expect(mine.every((doc) => doc.data === maxSizeData)).toBe(true);
    const audit = (await pulled<Activity>(engA, 'activities')).documents.find((doc) => doc.subjectId === batch[0]?.id);
    expect(audit?.changes.map((change) => change.field)).toEqual(expect.arrayContaining(['kind', 'ownerId', 'size']));
    expect(audit?.changes.map((change) => change.field)).not.toContain('data');
  });

  it('answers an 11 MB body with 413 and stores nothing', async () => {
    const huge = photo('wo-04', PEOPLE.engA.id, { data: 'A'.repeat(11 * 1024 * 1024) });
    const response = await pushRows(engA, 'attachments', [{ newDocumentState: huge }]);
    expect(response).toMatchObject({ status: 413, body: { error: 'payload_too_large', field: 'body' } });
    expect(await visibleIds(dispatcher)).not.toContain(huge.id);
  });
});

function isChangeOf(event: StreamEvent, id: string): boolean {
  return event.kind === 'changes' && event.documents.some((doc) => doc.id === id);
}
