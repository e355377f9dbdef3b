import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '@shared/schemas/misc';
import type { Ticket, WorkOrder } from '@shared/schemas';
import { loginAs, type TestApi } from '../helpers/api-client';
import { buildComment, buildTicket, buildWorkOrder } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let dispatcher: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  dispatcher = await loginAs(server.url, 'dispatch1');
});
afterAll(() => server?.stop());

/** What a user's device pulls of their alerts. */
async function allAlertsOf(username: string): Promise<Notification[]> {
  const api = await loginAs(server.url, username);
  return (await pullAll(api, 'notifications', 1000)).documents as Notification[];
}

/** Their alerts about one subject. */
async function alertsOf(username: string, subjectId: string): Promise<Notification[]> {
  return (await allAlertsOf(username)).filter((note) => note.subjectId === subjectId);
}

async function stored<D>(collection: string, id: string): Promise<D> {
  const found = (await pullAll(dispatcher, collection, 1000)).documents.find((doc) => doc.id === id);
  if (!found) throw new Error(`${collection}/${id} not stored`);
  return found as D;
}

describe('people hear about changes to their work', () => {
  it('an engineer is told when a job is given to them, and the one it was taken from is told who has it now', async () => {
    const job = buildWorkOrder({ id: 'wo-notice-1', number: 'WO-P-NOTICE1', siteId: 'site-lon', assigneeId: 'user-eng1' });
    expect((await pushRows(dispatcher, 'workOrders', [{ newDocumentState: job }])).body).toEqual([]);
    const given = await alertsOf('eng1', job.id);
    expect(given).toEqual([expect.objectContaining({ kind: 'assigned', userId: 'user-eng1', subjectType: 'workOrder', title: expect.stringMatching(/^WO-\d{6}: assigned to you$/), body: expect.stringContaining('London Canary Wharf') })]);

    const before = await stored<WorkOrder>('workOrders', job.id);
    const moved = { ...before, assigneeId: 'user-eng2' };
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: before, newDocumentState: moved }])).body).toEqual([]);
    // A replay of the same push changes nothing: no second alert.
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: before, newDocumentState: moved }])).status).toBe(200);

    expect(await alertsOf('eng2', job.id)).toEqual([expect.objectContaining({ kind: 'assigned', userId: 'user-eng2' })]);
    // The one who lost it is told who has it now, with no link: the job is no longer on their device.
    const number = (await stored<WorkOrder>('workOrders', job.id)).number;
    const told = (await allAlertsOf('eng1')).filter((note) => note.kind === 'info' && note.title.startsWith(number));
    expect(told).toEqual([expect.objectContaining({ title: `${number}: reassigned to Eli Novak`, body: expect.stringContaining('handed in when you sync') })]);
    expect(told[0]).not.toHaveProperty('subjectId');
    // The desk made the change: it gets nothing.
    expect(await alertsOf('dispatch1', job.id)).toEqual([]);
  });

  it('an engineer’s own change of a job tells nobody, and neither does an edit that keeps the engineer', async () => {
    const job = buildWorkOrder({ id: 'wo-notice-2', number: 'WO-P-NOTICE2', siteId: 'site-lon', assigneeId: 'user-eng1' });
    expect((await pushRows(dispatcher, 'workOrders', [{ newDocumentState: job }])).body).toEqual([]);
    const before = await stored<WorkOrder>('workOrders', job.id);
    const engineer = await loginAs(server.url, 'eng1');
    expect((await pushRows(engineer, 'workOrders', [{ assumedMasterState: before, newDocumentState: { ...before, status: 'en_route' } }])).body).toEqual([]);
    expect((await alertsOf('eng1', job.id)).map((note) => note.kind)).toEqual(['assigned']);
  });

  it('a comment tells the ticket’s reporter and engineer, not its author', async () => {
    const ticket = buildTicket({ id: 'tck-notice-1', siteId: 'site-lon', category: 'HVAC', priority: 'high', slaPolicyId: 'sla-high', reportedBy: 'user-site1', assigneeId: 'user-eng1', status: 'assigned' });
    expect((await pushRows(dispatcher, 'tickets', [{ newDocumentState: ticket }])).body).toEqual([]);
    const number = (await stored<Ticket>('tickets', ticket.id)).number;
    const comment = buildComment({ id: 'cmt-notice-1', ticketId: ticket.id, authorId: 'user-dispatch1', body: 'Parts ordered, arriving Tuesday.' });
    expect((await pushRows(dispatcher, 'comments', [{ newDocumentState: comment }])).body).toEqual([]);

    for (const username of ['site1', 'eng1']) {
      expect((await alertsOf(username, ticket.id)).filter((note) => note.kind === 'comment')).toEqual([expect.objectContaining({ kind: 'comment', title: `${number}: Dana Dispatch commented`, body: 'Parts ordered, arriving Tuesday.', subjectType: 'ticket' })]);
    }
    expect(await alertsOf('dispatch1', ticket.id)).toEqual([]);
  });

  it('a new ticket that arrives with an engineer tells them (it may have no work order yet); the desk that filed it hears nothing', async () => {
    const ticket = buildTicket({ id: 'tck-notice-2', siteId: 'site-lon', category: 'HVAC', priority: 'high', slaPolicyId: 'sla-high', reportedBy: 'user-dispatch1', assigneeId: 'user-eng2', status: 'assigned' });
    expect((await pushRows(dispatcher, 'tickets', [{ newDocumentState: ticket }])).body).toEqual([]);
    const number = (await stored<Ticket>('tickets', ticket.id)).number;
    expect(await alertsOf('eng2', ticket.id)).toEqual([expect.objectContaining({ kind: 'assigned', title: `${number}: assigned to you`, body: expect.stringContaining('London Canary Wharf'), subjectType: 'ticket' })]);
    expect(await alertsOf('dispatch1', ticket.id)).toEqual([]);
  });
});
