import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification, Ticket } from '@shared/schemas';
import { SlaChecker } from '@server/sla/checker';
import { MovableClock } from '../helpers/movable-clock';
import type { Principal } from '@shared/domain/principal';
import { signAccessToken } from '@server/auth/access-token';
import { TestApi } from '../helpers/api-client';
import { buildTicket, insertWorld, PEOPLE, WORLD } from '../helpers/replication-world';
import { pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

const secret = 'test-secret-test-secret-test-secret-0123';
const MIN = 60_000;
let server: TestServer;
const clock = new MovableClock();

beforeAll(async () => {
  server = await startTestServer({ seed: false, clock });
  await insertWorld(server.store);
});
afterAll(async () => server?.stop());

/** Tokens are signed at the moved clock's time, as the server would have issued them then. */
const apiAs = (principal: Principal) => new TestApi(server.url, signAccessToken(principal, secret, clock.now()));
const dispatcher = () => apiAs(PEOPLE.dispatcher);
const engineer = () => apiAs(PEOPLE.engA);
const storedTicket = async (id: string) => (await server.store.get('tickets', id))?.fields as Ticket;
const notificationsFor = async (ticketId: string) =>
  (await server.store.find('notifications', { subjectId: ticketId }, 1000)).map((stored) => stored.fields as Notification);

async function createTicket(id: string, overrides: Partial<Ticket> = {}) {
  const ticket = buildTicket({ id, siteId: 'site-a', reportedBy: PEOPLE.dispatcher.id, status: 'assigned', assigneeId: PEOPLE.engA.id, ...overrides });
  const response = await pushRows(dispatcher(), 'tickets', [{ newDocumentState: ticket }]);
  expect(response.status).toBe(200);
  return storedTicket(id);
}

describe('SLA engine on one server', () => {
  it('computes due times on create and ignores the client’s sla', async () => {
    const ticket = await createTicket('tck-sla-1');
    const created = Date.parse(ticket.createdAt);
    expect(Date.parse(ticket.sla.responseDueAt) - created).toBe(60 * MIN);
    expect(Date.parse(ticket.sla.resolutionDueAt) - created).toBe(480 * MIN);
    expect(Date.parse(ticket.sla.nextThresholdAt ?? '') - created).toBe(30 * MIN);
  });

  it('the checker notifies each threshold once: warnings to the assignee, breach to the desk and the site manager', async () => {
    await createTicket('tck-sla-2');
    const checker = new SlaChecker(server, { batch: 500 });
    clock.advance(61 * MIN); // past response 50%, 75% and the response breach
    const first = await checker.runOnce();
    expect(first.crossed).toBeGreaterThanOrEqual(3);
    const again = await checker.runOnce();
    expect(again.notifications).toBe(0);
    const notes = await notificationsFor('tck-sla-2');
    const byKind = (kind: string) => notes.filter((note) => note.kind === kind).map((note) => note.userId).sort();
    expect(byKind('sla_warning')).toEqual([PEOPLE.engA.id, PEOPLE.engA.id]);
    expect(byKind('sla_breached')).toEqual([PEOPLE.engA.id, PEOPLE.dispatcher.id, PEOPLE.managerA.id].sort());
    const ticket = await storedTicket('tck-sla-2');
    expect(ticket.sla).toMatchObject({ state: 'breached', escalationLevel: 1 });
    expect(ticket.sla.crossed).toEqual(['response.breach', 'response.warn50', 'response.warn75']);
    const activities = await server.store.find('activities', { ticketId: 'tck-sla-2', actorId: 'system-sla' }, 100);
    expect(activities).toHaveLength(3);
  });

  it('a notice carries its due time as data, and an app older than that field may still mark it read', async () => {
    const ticket = await storedTicket('tck-sla-2');
    const [breach] = (await notificationsFor('tck-sla-2')).filter((note) => note.kind === 'sla_breached' && note.userId === PEOPLE.engA.id);
    expect(breach?.due).toEqual({ target: 'response', at: ticket.sla.responseDueAt, timeZone: expect.any(String) as string });
    expect(breach?.body).toBe(ticket.title);
    // An app from before `due` drops the field it does not know when it writes: not a refused change.
    if (!breach) throw new Error('no breach notice');
    const { due, ...older } = breach;
    expect(due).toBeDefined();
    const read = { ...older, readAt: clock.now().toISOString() };
    expect((await pushRows(engineer(), 'notifications', [{ assumedMasterState: breach, newDocumentState: read }])).body).toEqual([]);
    // …and the alert keeps its due time.
    const stored = (await notificationsFor('tck-sla-2')).find((note) => note.id === breach.id);
    expect(stored).toMatchObject({ readAt: read.readAt, due: breach.due });
  });

  it('a ticket resolved offline an hour before its due time and synced after it is not breached', async () => {
    const created = await createTicket('tck-offline');
    const dueMs = Date.parse(created.sla.resolutionDueAt);
    // Work starts, then the engineer resolves the ticket offline an hour before the due time…
    const started = { ...created, status: 'in_progress' as const, statusChangedAt: clock.now().toISOString() };
    expect((await pushRows(engineer(), 'tickets', [{ assumedMasterState: created, newDocumentState: started }])).status).toBe(200);
    const master = await storedTicket('tck-offline');
    const resolved = { ...master, status: 'resolved' as const, statusChangedAt: new Date(dueMs - 60 * MIN).toISOString() };
    // …and the phone only syncs two hours later, after the due time.
    clock.advance(dueMs + 60 * MIN - clock.now().getTime());
    expect((await pushRows(engineer(), 'tickets', [{ assumedMasterState: master, newDocumentState: resolved }])).status).toBe(200);
    const synced = await storedTicket('tck-offline');
    expect(synced.sla.resolvedAt).toBe(new Date(dueMs - 60 * MIN).toISOString());
    expect(synced.statusChangedAt).toBe(synced.sla.resolvedAt);
    expect(synced.sla.state).not.toBe('breached');
    await new SlaChecker(server, { batch: 500 }).runOnce();
    const notes = await notificationsFor('tck-offline');
    expect(notes.filter((note) => note.kind === 'sla_breached' && note.due?.target === 'resolution')).toEqual([]);
    expect((await storedTicket('tck-offline')).sla.crossed ?? []).not.toContain('resolution.breach');
  });

  it('keeps a device’s claim on its own push when the checker only writes the SLA: the device’s next edit from the same base is no conflict', async () => {
    const created = await createTicket('tck-own-push');
    const edited = { ...created, tags: ['leak'] };
    // The engineer's phone pushes an edit; the answer is lost, so the phone keeps `created` as its base.
    expect((await pushRows(engineer(), 'tickets', [{ assumedMasterState: created, newDocumentState: edited }], 'phone-of-eng-a')).body).toEqual([]);
    clock.advance(31 * MIN); // past the response warning: the checker writes the ticket's SLA
    expect((await new SlaChecker(server, { batch: 500 }).runOnce()).crossed).toBeGreaterThanOrEqual(1);
    expect((await storedTicket('tck-own-push')).sla.crossed).toContain('response.warn50');
    const later = { ...edited, tags: ['leak', 'valve-replaced'] };
    expect((await pushRows(engineer(), 'tickets', [{ assumedMasterState: created, newDocumentState: later }], 'phone-of-eng-a')).body).toEqual([]);
    const stored = await storedTicket('tck-own-push');
    expect(stored.tags).toEqual(['leak', 'valve-replaced']);
    expect(stored.sla.crossed).toContain('response.warn50');
  });

  it('uses the server’s time for a device time outside the skew rule', async () => {
    const created = await createTicket('tck-skew');
    const future = { ...created, status: 'in_progress' as const, statusChangedAt: new Date(clock.now().getTime() + 10 * MIN).toISOString() };
    await pushRows(engineer(), 'tickets', [{ assumedMasterState: created, newDocumentState: future }]);
    const stored = await storedTicket('tck-skew');
    expect(Math.abs(Date.parse(stored.sla.respondedAt ?? '') - clock.now().getTime())).toBeLessThan(5_000);
  });

  it('counts the assignee’s first comment as the response', async () => {
    await createTicket('tck-comment');
    const comment = { id: 'cmt-sla-1', type: 'comment', ticketId: 'tck-comment', authorId: PEOPLE.engA.id, body: 'On my way', createdAt: clock.now().toISOString(), updatedAt: clock.now().toISOString() };
    expect((await pushRows(engineer(), 'comments', [{ newDocumentState: comment }])).status).toBe(200);
    expect((await storedTicket('tck-comment')).sla.respondedAt).toBeDefined();
  });

  it('recomputes open tickets when their policy changes', async () => {
    const before = await createTicket('tck-policy');
    const policy = { ...WORLD.slaPolicies[0]!, resolutionMinutes: 600 };
    const admin = apiAs(PEOPLE.admin);
    const stored = (await server.store.get('slaPolicies', policy.id))!.fields;
    expect((await pushRows(admin, 'slaPolicies', [{ assumedMasterState: stored, newDocumentState: policy }])).status).toBe(200);
    const after = await storedTicket('tck-policy');
    expect(Date.parse(after.sla.resolutionDueAt) - Date.parse(before.createdAt)).toBe(600 * MIN);
  });

  it('admin API: validates input, admins only, recomputes open tickets on update, refuses deleting a policy in use', async () => {
    const admin = apiAs(PEOPLE.admin);
    const path = '/api/admin/sla-policies';
    expect((await apiAs(PEOPLE.dispatcher).get(path)).status).toBe(403);
    const bad = await admin.post<{ field: string }>(path, { name: 'Broken', priority: 'high', responseMinutes: -5, resolutionMinutes: 60, businessHours: [], holidays: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('responseMinutes');
    const badHours = await admin.post<{ field: string }>(path, { name: 'Broken', priority: 'high', responseMinutes: 5, resolutionMinutes: 60, businessHours: [{ weekday: 9, start: '09:00', end: '17:00' }], holidays: [] });
    expect(badHours.body.field).toBe('businessHours[0].weekday');
    const body = { id: 'pol-office', name: 'Office hours', priority: 'medium', responseMinutes: 120, resolutionMinutes: 960, businessHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), holidays: ['2026-12-25'] };
    expect((await admin.post(path, body)).status).toBe(201);
    expect((await admin.post(path, body)).status).toBe(409);
    const ticket = await createTicket('tck-admin-api', { priority: 'medium', slaPolicyId: 'pol-office' });
    const updated = await admin.request('PUT', `${path}/pol-office`, { ...body, responseMinutes: 240 });
    expect(updated.status).toBe(200);
    const after = await storedTicket('tck-admin-api');
    expect(after.sla.responseDueAt).not.toBe(ticket.sla.responseDueAt);
    expect((await admin.request('DELETE', `${path}/pol-office`)).status).toBe(409);
    expect((await admin.get<{ id: string }[]>(path)).body.map((policy) => policy.id)).toContain('pol-office');
  });
});
