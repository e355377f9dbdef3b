import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, WorkOrder } from '@shared/schemas';
import { loginAs, type TestApi } from '../helpers/api-client';
import { buildTicket, buildWorkOrder } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

type ErrorReply = { error: string; message: string; field?: string };

/** Cross-document rules of a push, on the demo data: policies per priority, categories, assets at their site. */
let server: TestServer;
let dispatcher: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  dispatcher = await loginAs(server.url, 'dispatch1');
});
afterAll(() => server?.stop());

async function stored<D>(collection: string, id: string): Promise<D> {
  const found = (await pullAll(dispatcher, collection, 1000)).documents.find((doc) => doc.id === id);
  if (!found) throw new Error(`${collection}/${id} not stored`);
  return found as D;
}
const ticketAt = (id: string, overrides: Partial<Ticket> = {}) =>
  buildTicket({ id, siteId: 'site-lon', category: 'HVAC', priority: 'high', slaPolicyId: 'sla-high', reportedBy: 'user-dispatch1', ...overrides });
const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

describe('a ticket is judged by the SLA policy of its priority', () => {
  it('takes its priority’s policy when it names another priority’s', async () => {
    expect((await pushRows(dispatcher, 'tickets', [{ newDocumentState: ticketAt('tck-rule-low', { priority: 'low', slaPolicyId: 'sla-critical' }) }])).body).toEqual([]);
    const ticket = await stored<Ticket>('tickets', 'tck-rule-low');
    expect(ticket.slaPolicyId).toBe('sla-low');
    // The critical policy would answer within 30 minutes, even in business hours.
    expect(minutesBetween(ticket.createdAt, ticket.sla.responseDueAt)).toBeGreaterThan(30);
  });

  it('moves to the new priority’s policy, and due times, when only the priority changes', async () => {
    expect((await pushRows(dispatcher, 'tickets', [{ newDocumentState: ticketAt('tck-rule-raise', { priority: 'low', slaPolicyId: 'sla-low' }) }])).body).toEqual([]);
    const low = await stored<Ticket>('tickets', 'tck-rule-raise');
    expect((await pushRows(dispatcher, 'tickets', [{ assumedMasterState: low, newDocumentState: { ...low, priority: 'critical' } }])).body).toEqual([]);
    const critical = await stored<Ticket>('tickets', 'tck-rule-raise');
    expect(critical.slaPolicyId).toBe('sla-critical');
    expect(Date.parse(critical.sla.resolutionDueAt)).toBeLessThan(Date.parse(low.sla.resolutionDueAt));
  });
});

describe('references that must agree', () => {
  it('refuses a category that is not configured, naming the field, and stores nothing', async () => {
    const response = await pushRows(dispatcher, 'tickets', [{ newDocumentState: ticketAt('tck-rule-category', { category: 'No Such Category' }) }]);
    expect(response.status).toBe(400);
    expect((response.body as unknown as ErrorReply).field).toBe('[0].newDocumentState.category');
    expect((response.body as unknown as ErrorReply).message).toContain('HVAC');
    await expect(stored('tickets', 'tck-rule-category')).rejects.toThrow(/not stored/);
  });

  it('refuses a ticket or work order on an asset of another site, naming the asset', async () => {
    const ticket = await pushRows(dispatcher, 'tickets', [{ newDocumentState: ticketAt('tck-rule-asset', { assetId: 'asset-nyc-0001' }) }]);
    expect(ticket.status).toBe(400);
    expect((ticket.body as unknown as ErrorReply).field).toBe('[0].newDocumentState.assetId');
    const job: WorkOrder = buildWorkOrder({ id: 'wo-rule-asset', siteId: 'site-lon', assetId: 'asset-nyc-0001', assigneeId: 'user-eng1' });
    const workOrder = await pushRows(dispatcher, 'workOrders', [{ newDocumentState: job }]);
    expect(workOrder.status).toBe(400);
    expect((workOrder.body as unknown as ErrorReply).field).toBe('[0].newDocumentState.assetId');
    // At its own site it is fine.
    expect((await pushRows(dispatcher, 'tickets', [{ newDocumentState: ticketAt('tck-rule-asset', { assetId: 'asset-lon-0007' }) }])).body).toEqual([]);
  });
});

describe('a ticket follows the work on it', () => {
  it('goes in progress when its job starts on site (response met at the check-in), and is resolved when its last job is completed', async () => {
    const engineer = await loginAs(server.url, 'eng1');
    const assigned = ticketAt('tck-rule-work', { status: 'assigned', assigneeId: 'user-eng1' });
    expect((await pushRows(dispatcher, 'tickets', [{ newDocumentState: assigned }])).body).toEqual([]);
    const jobs = ['wo-rule-work-1', 'wo-rule-work-2'].map((id) => buildWorkOrder({ id, ticketId: 'tck-rule-work', siteId: 'site-lon', assigneeId: 'user-eng1', status: 'scheduled' }));
    expect((await pushRows(dispatcher, 'workOrders', jobs.map((job) => ({ newDocumentState: job })))).body).toEqual([]);
    const [first, second] = await Promise.all(jobs.map((job) => stored<WorkOrder>('workOrders', job.id)));

    // Device times after the ticket's last change are accepted as when the work was done.
    const checkInAt = new Date().toISOString();
    const onSite = { ...first!, status: 'on_site' as const, checkIn: { lat: 51.5, lng: -0.02, accuracy: 10, at: checkInAt } };
    expect((await pushRows(engineer, 'workOrders', [{ assumedMasterState: first, newDocumentState: onSite }])).body).toEqual([]);
    const started = await stored<Ticket>('tickets', 'tck-rule-work');
    expect(started.status).toBe('in_progress');
    expect(started.sla.respondedAt).toBe(checkInAt);

    const completedAt = new Date().toISOString();
    const done = { ...(await stored<WorkOrder>('workOrders', first!.id)), status: 'completed' as const, completedAt, resolution: 'Replaced the fan belt.' };
    expect((await pushRows(engineer, 'workOrders', [{ assumedMasterState: await stored('workOrders', first!.id), newDocumentState: done }])).body).toEqual([]);
    expect((await stored<Ticket>('tickets', 'tck-rule-work')).status).toBe('in_progress');

    const cancelled = { ...second!, status: 'cancelled' as const };
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: second, newDocumentState: cancelled }])).body).toEqual([]);
    // Cancelling the other job does not resolve the ticket: only a completion does.
    expect((await stored<Ticket>('tickets', 'tck-rule-work')).status).toBe('in_progress');
  });

  it('is resolved by the completion of its only job, at the completion time, with an activity', async () => {
    const engineer = await loginAs(server.url, 'eng1');
    expect((await pushRows(dispatcher, 'tickets', [{ newDocumentState: ticketAt('tck-rule-solo', { status: 'assigned', assigneeId: 'user-eng1' }) }])).body).toEqual([]);
    const job = buildWorkOrder({ id: 'wo-rule-solo', ticketId: 'tck-rule-solo', siteId: 'site-lon', assigneeId: 'user-eng1', status: 'scheduled' });
    expect((await pushRows(dispatcher, 'workOrders', [{ newDocumentState: job }])).body).toEqual([]);
    const master = await stored<WorkOrder>('workOrders', job.id);
    const completedAt = new Date().toISOString();
    // Worked offline: it syncs as one change from scheduled to completed.
    expect((await pushRows(engineer, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, status: 'completed', completedAt, resolution: 'Reset the controller.' } }])).body).toEqual([]);
    const resolved = await stored<Ticket>('tickets', 'tck-rule-solo');
    expect(resolved).toMatchObject({ status: 'resolved', statusChangedAt: completedAt });
    expect(resolved.sla.resolvedAt).toBe(completedAt);
    const activities = (await pullAll(dispatcher, 'activities', 1000)).documents as { subjectId: string; actorId: string; changes: { field: string; after: unknown }[] }[];
    expect(activities.find((activity) => activity.subjectId === 'tck-rule-solo' && activity.changes.some((change) => change.field === 'status' && change.after === 'resolved'))?.actorId).toBe('user-eng1');
  });
});

describe('the engineers of a ticket’s work orders read the ticket', () => {
  it('while the ticket is handed to someone else, and until their job is', async () => {
    const as = async (username: string) => loginAs(server.url, username);
    const [eng1, eng2, eng4] = await Promise.all([as('eng1'), as('eng2'), as('eng4')]);
    const sees = async (api: TestApi, checkpoint?: string) => {
      const { documents, checkpoint: next } = await pullAll(api, 'tickets', 1000, checkpoint);
      const found = documents.find((doc) => doc.id === 'tck-rule-readers');
      return { found: found ? (found._deleted ? 'removed' : 'visible') : 'absent', checkpoint: next };
    };
    expect((await pushRows(dispatcher, 'tickets', [{ newDocumentState: ticketAt('tck-rule-readers', { status: 'assigned', assigneeId: 'user-eng1' }) }])).body).toEqual([]);
    expect((await sees(eng2)).found).toBe('absent');

    const job = buildWorkOrder({ id: 'wo-rule-readers', ticketId: 'tck-rule-readers', siteId: 'site-lon', assigneeId: 'user-eng2', status: 'scheduled' });
    expect((await pushRows(dispatcher, 'workOrders', [{ newDocumentState: job }])).body).toEqual([]);
    const eng2Sees = await sees(eng2);
    expect(eng2Sees.found).toBe('visible');

    // The desk hands the ticket to eng4: eng2, still on the job, keeps it; eng1 loses it.
    const ticket = await stored<Ticket>('tickets', 'tck-rule-readers');
    const eng1Before = await sees(eng1);
    expect((await pushRows(dispatcher, 'tickets', [{ assumedMasterState: ticket, newDocumentState: { ...ticket, assigneeId: 'user-eng4' } }])).body).toEqual([]);
    expect((await sees(eng2)).found).toBe('visible');
    expect((await sees(eng4)).found).toBe('visible');
    expect((await sees(eng1, eng1Before.checkpoint)).found).toBe('removed');

    // The job moves to eng4 as well: eng2's device is told to drop the ticket on its next pull.
    const master = await stored<WorkOrder>('workOrders', job.id);
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, assigneeId: 'user-eng4' } }])).body).toEqual([]);
    expect((await sees(eng2, eng2Sees.checkpoint)).found).toBe('removed');
    expect((await sees(eng4)).found).toBe('visible');
  });
});
