import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rankEngineers } from '@shared/domain/assignment';
import { RULES_ACTOR_ID } from '@shared/domain/system-actors';
import type { Activity, Category, Site, Ticket, User, WorkOrder } from '@shared/schemas';
import type { Priority } from '@shared/schemas/common';
import type { AssignmentRule } from '@shared/schemas/rules';
import { RULES_ADMIN_PATH, type RuleSetResponse } from '@shared/sync/rules-admin-protocol';
import { saveFaultReport } from '@app/features/assets/report-fault';
import { loginAs, type TestApi } from '../helpers/api-client';
import { buildAssignmentRule, buildTicket } from '../helpers/factories';
import { SITE_MANAGER_ID, startSiteManagerDevice, type SiteManagerDevice } from '../helpers/site-manager-device';
import { pullAll, pushRows } from '../helpers/sync-client';

/**
 * The admins' assignment rules on the real server: a new ticket nobody is assigned to gets its
 * engineer in the same write as its number, and its author's device just pulls the result.
 */
let device: SiteManagerDevice;
let admin: TestApi;
let dispatcher: TestApi;

beforeAll(async () => {
  device = await startSiteManagerDevice('rules-auto-assign-test');
  admin = await loginAs(device.server.url, 'admin');
  dispatcher = await loginAs(device.server.url, 'dispatch1');
});
afterAll(async () => device?.stop());

async function saveAssignmentRules(assignment: AssignmentRule[]): Promise<void> {
  const { revision, escalation } = (await admin.get<RuleSetResponse>(RULES_ADMIN_PATH)).body;
  const reply = await admin.request('PUT', RULES_ADMIN_PATH, { escalation, assignment, revision });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

const stored = async (id: string) => (await device.server.store.get('tickets', id))?.fields as Ticket;
const activitiesOf = async (ticketId: string) => (await device.server.store.find('activities', { subjectId: ticketId }, 100)).map((entry) => entry.fields as Activity);

/** A new ticket from the desk, as the New ticket screen saves it: nobody assigned, status new. */
async function pushNewTicket(overrides: Partial<Ticket>): Promise<Ticket> {
  const ticket = buildTicket({ id: `tck-rules-${Math.random().toString(36).slice(2, 10)}`, number: 'TCK-000000', siteId: 'site-lon', reportedBy: 'user-dispatch1', slaPolicyId: 'sla-high', priority: 'high', ...overrides });
  const reply = await pushRows(dispatcher, 'tickets', [{ newDocumentState: ticket }]);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body).toEqual([]);
  return stored(ticket.id);
}

const hvacAtLondon = { categories: ['HVAC'], siteIds: ['site-lon'], priorities: [] };

describe('assignment rules on new tickets', () => {
  it('a site manager’s fault report made offline is assigned by the first enabled matching rule; their device pulls it with no conflict', async () => {
    await saveAssignmentRules([
      buildAssignmentRule({ name: 'Plumbing to Eli', match: { ...hvacAtLondon, categories: ['Plumbing'] }, action: { kind: 'engineer', engineerId: 'user-eng2' } }),
      buildAssignmentRule({ name: 'Paused: all to Emma', enabled: false, action: { kind: 'engineer', engineerId: 'user-eng3' } }),
      buildAssignmentRule({ name: 'London HVAC to Erin', match: hvacAtLondon, action: { kind: 'engineer', engineerId: 'user-eng1' } }),
      buildAssignmentRule({ name: 'Everything to Ethan', action: { kind: 'engineer', engineerId: 'user-eng4' } }),
    ]);
    const { db, replicate, errors } = device;
    // Reported with no connection: the ticket waits on the device, unassigned, with a provisional number.
    const report = await device.faultTicket();
    await saveFaultReport(db, report, undefined, SITE_MANAGER_ID);
    expect(report).toMatchObject({ status: 'new', category: 'HVAC', siteId: 'site-lon' });
    expect(report.assigneeId).toBeUndefined();

    replicate(['tickets']);
    await vi.waitFor(
      async () => {
        const local = (await db.tickets.findOne(report.id).exec())?.toJSON();
        expect(local).toMatchObject({ status: 'assigned', assigneeId: 'user-eng1', number: expect.stringMatching(/^TCK-\d{6}$/) as string });
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(await db.outbox.count().exec()).toBe(0);
    expect(await db.conflicts.count().exec()).toBe(0);
    expect(errors).toEqual([]);

    const onServer = await stored(report.id);
    expect(onServer).toMatchObject({ status: 'assigned', assigneeId: 'user-eng1', reportedBy: SITE_MANAGER_ID });
    const trail = await activitiesOf(report.id);
    const created = trail.find((activity) => activity.action === 'created');
    expect(created?.actorId).toBe(SITE_MANAGER_ID);
    expect(created?.changes.map((change) => change.field)).not.toContain('assigneeId');
    const byRule = trail.find((activity) => activity.actorId === RULES_ACTOR_ID);
    expect(byRule?.changes).toEqual([
      { field: 'assigneeId', after: 'user-eng1' },
      { field: 'status', before: 'new', after: 'assigned' },
      { field: 'assignmentRule', after: 'London HVAC to Erin' },
    ]);
    // The engineer the rule chose reads the ticket now.
    const erin = await loginAs(device.server.url, 'eng1');
    expect((await pullAll(erin, 'tickets', 1000)).documents.map((doc) => doc.id)).toContain(report.id);
  });

  it('a replayed creation (its answer was lost) meets the assigned ticket as acknowledged, not as a conflict', async () => {
    const created = buildTicket({ id: 'tck-rules-replay', number: 'TCK-000000', category: 'HVAC', siteId: 'site-lon', reportedBy: 'user-dispatch1', slaPolicyId: 'sla-high', priority: 'high' });
    const row = { assumedMasterState: null, newDocumentState: created };
    expect((await pushRows(dispatcher, 'tickets', [row], 'desk-device-1')).body).toEqual([]);
    expect(await stored(created.id)).toMatchObject({ status: 'assigned', assigneeId: 'user-eng1' });
    // RxDB sends the same row again: the device holds nothing the server lacks, so no conflict to merge.
    expect((await pushRows(dispatcher, 'tickets', [row], 'desk-device-1')).body).toEqual([]);
    expect((await pushRows(dispatcher, 'tickets', [row])).body).toEqual([]);
    expect(await stored(created.id)).toMatchObject({ status: 'assigned', assigneeId: 'user-eng1' });
    // A creation that differs in anything else is the ordinary conflict.
    const other = await pushRows(dispatcher, 'tickets', [{ assumedMasterState: null, newDocumentState: { ...created, title: 'Another title' } }]);
    expect(other.body).toMatchObject([{ id: created.id, status: 'assigned' }]);
  });

  it('no matching rule, or an existing ticket: nothing changes', async () => {
    const caughtByEverything = await pushNewTicket({ category: 'Lifts', siteId: 'site-ber' });
    expect(caughtByEverything.assigneeId).toBe('user-eng4');
    // Without "Everything to Ethan", which matched anything, a Berlin lift ticket stays with the desk.
    await saveAssignmentRules([buildAssignmentRule({ name: 'London HVAC to Erin', match: hvacAtLondon, action: { kind: 'engineer', engineerId: 'user-eng1' } })]);
    const untouched = await pushNewTicket({ category: 'Lifts', siteId: 'site-ber' });
    expect(untouched).toMatchObject({ status: 'new' });
    expect(untouched.assigneeId).toBeUndefined();
    expect((await activitiesOf(untouched.id)).map((activity) => activity.actorId)).toEqual(['user-dispatch1']);
    // A ticket that already exists is never assigned by the rules, even when an edit now matches one.
    const edited = { ...untouched, category: 'HVAC', siteId: 'site-lon' };
    expect((await pushRows(dispatcher, 'tickets', [{ assumedMasterState: untouched, newDocumentState: edited }])).body).toEqual([]);
    expect((await stored(untouched.id)).category).toBe('HVAC');
    expect((await stored(untouched.id)).assigneeId).toBeUndefined();
  });

  it('best ranked: the engineer the desk’s suggestions list first; an inactive engineer is never chosen', async () => {
    await saveAssignmentRules([
      buildAssignmentRule({ name: 'Only a perfect match', action: { kind: 'best_ranked', minScore: 100 } }),
      buildAssignmentRule({ name: 'Best for electrical', match: { categories: ['Electrical'], siteIds: [], priorities: [] }, action: { kind: 'best_ranked', minScore: 10 } }),
    ]);
    const top = await topSuggestion({ category: 'Electrical', siteId: 'site-nyc' });
    const first = await pushNewTicket({ category: 'Electrical', siteId: 'site-nyc' });
    expect(first).toMatchObject({ status: 'assigned', assigneeId: top.id });
    // The first rule passes the ticket on unless someone scores the full 100.
    const rule = top.score >= 100 ? 'Only a perfect match' : 'Best for electrical';
    expect((await activitiesOf(first.id)).find((activity) => activity.actorId === RULES_ACTOR_ID)?.changes).toContainEqual({ field: 'assignmentRule', after: rule });

    // The top engineer leaves: the next ticket goes to the next best, never to them.
    const leaver = (await pullAll(admin, 'users', 1000)).documents.find((doc) => doc.id === top.id);
    expect((await pushRows(admin, 'users', [{ assumedMasterState: leaver, newDocumentState: { ...leaver, active: false } }])).body).toEqual([]);
    const next = await pushNewTicket({ category: 'Electrical', siteId: 'site-nyc' });
    expect(next.status).toBe('assigned');
    expect(next.assigneeId).not.toBe(top.id);
    expect(next.assigneeId).toBe((await topSuggestion({ category: 'Electrical', siteId: 'site-nyc' })).id);
    // An engineer named by a rule who is deactivated later: the rule passes the ticket on (here to nobody).
    const named = String(next.assigneeId);
    await saveAssignmentRules([buildAssignmentRule({ name: 'To the next best', action: { kind: 'engineer', engineerId: named } })]);
    const deactivated = (await pullAll(admin, 'users', 1000)).documents.find((doc) => doc.id === named);
    expect((await pushRows(admin, 'users', [{ assumedMasterState: deactivated, newDocumentState: { ...deactivated, active: false } }])).body).toEqual([]);
    const last = await pushNewTicket({ category: 'General' });
    expect(last.status).toBe('new');
    expect(last.assigneeId).toBeUndefined();
  });
});

/** The engineer the desk's screen would suggest first (app/features/tickets/CreateWorkOrderSection.tsx), from what a dispatcher pulls. */
async function topSuggestion(ticket: Pick<Ticket, 'category' | 'siteId'>): Promise<User & { score: number }> {
  const all = async <D>(collection: string) => (await pullAll(dispatcher, collection, 1000)).documents as D[];
  const [users, workOrders, tickets, categories, sites] = await Promise.all([all<User>('users'), all<WorkOrder>('workOrders'), all<Ticket>('tickets'), all<Category>('categories'), all<Site>('sites')]);
  const ticketPriorities = new Map<string, Priority>(tickets.map((entry) => [entry.id, entry.priority]));
  const [top] = rankEngineers({ ticket, site: sites.find((site) => site.id === ticket.siteId), engineers: users, workOrders, ticketPriorities, categories, sites });
  if (!top) throw new Error('nobody ranks');
  return { ...top.engineer, score: top.score };
}
