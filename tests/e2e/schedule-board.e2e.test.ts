import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { Ticket, WorkOrder } from '@shared/schemas';
import { loginAs, type TestApi } from '../helpers/api-client';
import { buildTicket, buildWorkOrder } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newPhoneContext } from './browser';
import { startE2eServer } from './e2e-server';
import { LoginPage } from './page-models/login-page';
import { ScheduleBoard } from './page-models/schedule-board';
import { SyncStatus } from './page-models/sync-status';

const LONG = { timeout: 60_000 };

let server: TestServer;
let baseURL: string;
let browser: Browser;
let desk: BrowserContext;
let admin: TestApi;

beforeAll(async () => {
  ({ server, baseURL } = await startE2eServer());
  browser = await launchBrowser();
  // The board runs on the desk's clock: UTC here, so the test can name instants.
  // Tall enough for two engineers' rows however many jobs the demo day stacks in them.
  desk = await browser.newContext({ baseURL, viewport: { width: 1366, height: 1400 }, serviceWorkers: 'allow', timezoneId: 'UTC' });
  admin = await loginAs(server.url, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function serverWorkOrder(id: string): Promise<WorkOrder | undefined> {
  return ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((doc) => doc.id === id);
}

async function serverTicket(id: string): Promise<Ticket | undefined> {
  return ((await pullAll(admin, 'tickets', 1000)).documents as Ticket[]).find((doc) => doc.id === id);
}

describe('the schedule board', () => {
  it('moves jobs by mouse and by keyboard to another time and engineer; the moves sync, the ticket follows, the engineer sees it; a finished job stays', async () => {
    const marker = Date.now().toString(36);
    const today = new Date().toISOString().slice(0, 10);
    const at = (time: string) => `${today}T${time}:00.000Z`;
    const ticket = buildTicket({ id: `tck-board-${marker}`, title: `Board ticket ${marker}`, siteId: 'site-lon', slaPolicyId: 'sla-high', reportedBy: 'user-admin', status: 'assigned', assigneeId: 'user-eng1' });
    const dragged = buildWorkOrder({ id: `wo-board-drag-${marker}`, ticketId: ticket.id, siteId: 'site-lon', assigneeId: 'user-eng1', scheduledStart: at('10:00'), scheduledEnd: at('11:30') });
    const keyed = buildWorkOrder({ id: `wo-board-key-${marker}`, siteId: 'site-lon', assigneeId: 'user-eng1', scheduledStart: at('15:00'), scheduledEnd: at('16:00') });
    const finished = buildWorkOrder({ id: `wo-board-done-${marker}`, siteId: 'site-lon', assigneeId: 'user-eng1', scheduledStart: at('07:00'), scheduledEnd: at('08:00') });
    expect((await pushRows(admin, 'tickets', [{ newDocumentState: ticket }])).status).toBe(200);
    expect((await pushRows(admin, 'workOrders', [dragged, keyed, finished].map((wo) => ({ newDocumentState: wo })))).body).toEqual([]);
    // Finished the ordinary way: the engineer's status moves, then completion.
    let current = (await serverWorkOrder(finished.id)) ?? finished;
    for (const status of ['on_site', 'in_progress'] as const) {
      const eng1 = await loginAs(server.url, 'eng1');
      expect((await pushRows(eng1, 'workOrders', [{ assumedMasterState: current, newDocumentState: { ...current, status } }])).body).toEqual([]);
      current = (await serverWorkOrder(finished.id)) ?? current;
    }
    const done = { ...current, status: 'completed' as const, resolution: 'Done.', completedAt: new Date().toISOString() };
    expect((await pushRows(await loginAs(server.url, 'eng1'), 'workOrders', [{ assumedMasterState: current, newDocumentState: done }])).body).toEqual([]);

    // The engineer the job goes to (eng4, Ethan Silva: the row under eng1's, Erin Engel) has Today open on their phone.
    const field = await newPhoneContext(browser, baseURL);
    const phone = await field.newPage();
    await new LoginPage(phone).signIn('eng4');
    await new SyncStatus(phone).waitForState('live');
    expect(await phone.locator(`[data-testid="wo-row"][data-id="${dragged.id}"]`).count()).toBe(0);

    const page = await desk.newPage();
    await new LoginPage(page).signIn('dispatch1');
    await new SyncStatus(page).waitForCaughtUp();
    const board = new ScheduleBoard(page);
    await board.open();
    await board.waitForBlockInRow(dragged.id, 'user-eng1');
    await board.waitForBlockInRow(finished.id, 'user-eng1');

    // Mouse: three hours later, onto Ethan Silva's row (eng4).
    await board.drag(dragged.id, { hours: 3, engineerId: 'user-eng4' });
    await board.waitForMessage(/Moved .* to Ethan Silva/);
    await board.waitForBlockInRow(dragged.id, 'user-eng4');
    await expect.poll(async () => (await serverWorkOrder(dragged.id))?.scheduledStart, LONG).toBe(at('13:00'));
    const movedJob = await serverWorkOrder(dragged.id);
    expect(movedJob).toMatchObject({ assigneeId: 'user-eng4', scheduledEnd: at('14:30') });
    // The ticket follows its job to the new engineer, as when a job is created from it.
    await expect.poll(async () => (await serverTicket(ticket.id))?.assigneeId, LONG).toBe('user-eng4');
    // Live on the engineer's phone, no reload.
    await phone.locator(`[data-testid="wo-row"][data-id="${dragged.id}"]`).waitFor(LONG);

    // Keyboard: M on the block, Emma Okafor (eng3) at 17:30, Enter.
    await board.moveWithKeyboard(keyed.id, { engineer: 'Emma Okafor', time: '17:30' });
    await board.waitForMessage(/Moved .* to Emma Okafor/);
    await board.waitForBlockInRow(keyed.id, 'user-eng3');
    await expect.poll(async () => (await serverWorkOrder(keyed.id))?.assigneeId, LONG).toBe('user-eng3');
    expect(await serverWorkOrder(keyed.id)).toMatchObject({ scheduledStart: at('17:30'), scheduledEnd: at('18:30') });

    // A finished job is refused, with the reason, by keyboard and by mouse; nothing is saved.
    expect(await board.pressMoveOn(finished.id)).toMatch(/is completed: a finished job keeps its engineer and time/);
    await board.drag(finished.id, { hours: 2, engineerId: 'user-eng1' });
    await board.waitForMessage(/is completed/);
    await new SyncStatus(page).waitForPending(0, 0);
    expect(await serverWorkOrder(finished.id)).toMatchObject({ scheduledStart: at('07:00'), assigneeId: 'user-eng1' });
    await field.close();
  });
});
