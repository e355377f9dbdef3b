import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Attachment, WorkOrder } from '@shared/schemas';
import { loginAs, type TestApi } from '../helpers/api-client';
import { TINY_PNG_BASE64, buildWorkOrder } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newPhoneContext, waitForServiceWorkerControl } from './browser';
import { startE2eServer } from './e2e-server';
import { LoginPage } from './page-models/login-page';
import { SyncStatus } from './page-models/sync-status';
import { WorkOrderPage } from './page-models/work-order-page';

let server: TestServer;
let baseURL: string;
let browser: Browser;
let context: BrowserContext;
let admin: TestApi;

beforeAll(async () => {
  ({ server, baseURL } = await startE2eServer());
  browser = await launchBrowser();
  context = await newPhoneContext(browser, baseURL);
  admin = await loginAs(server.url, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function serverWorkOrder(id: string): Promise<WorkOrder> {
  const found = ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id);
  if (!found) throw new Error(`work order ${id} not on the server`);
  return found;
}

async function firstScheduledWorkOrder(): Promise<WorkOrder> {
  const all = (await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[];
  const candidate = all.filter((wo) => wo.assigneeId === 'user-eng1' && wo.status === 'scheduled' && wo.assetId).sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart))[0];
  if (!candidate) throw new Error('eng1 has no scheduled work order on an asset in the demo data');
  return candidate;
}

async function openWorkOrder(page: Page, number: string): Promise<WorkOrderPage> {
  await page.getByTestId('wo-row').filter({ hasText: number }).first().click();
  await page.getByTestId('wo-status').waitFor();
  return new WorkOrderPage(page);
}

describe('a field engineer works a whole day offline', () => {
  it('logs in online, works a job offline through a reload and a reopen, and everything reaches the server', async () => {
    const target = await firstScheduledWorkOrder();
    const page = await context.newPage();
    await new LoginPage(page).signIn('eng1');
    const sync = new SyncStatus(page);
    await sync.waitForState('live');
    // Everything the engineer can see is on the device before the network goes away.
    await sync.waitForCaughtUp();
    await page.getByTestId('wo-row').filter({ hasText: target.number }).first().waitFor();
    // The service worker must control the page before the network goes away.
    await waitForServiceWorkerControl(page);

    await context.setOffline(true);
    await page.reload();
    await sync.waitForState('offline');
    const workOrder = await openWorkOrder(page, target.number);
    await workOrder.moveTo('en_route');
    await workOrder.moveTo('on_site');
    await workOrder.checkIn();
    await workOrder.moveTo('in_progress');
    const ticked = await workOrder.tickAllChecklistItems();
    await workOrder.logWork();
    await workOrder.addNote('Replaced the contactor; tested under load.');
    await workOrder.addPhoto({ name: 'after.png', mimeType: 'image/png', buffer: Buffer.from(TINY_PNG_BASE64, 'base64') });
    // Signed but not saved: completing would lose the signature for good, so it is refused.
    await workOrder.drawSignature('Pat Customer');
    expect(await workOrder.completionRefusal('Contactor replaced, unit back in service.')).toMatch(/signature is not saved/);
    expect(await workOrder.status()).toMatch(/in progress/i);
    // "Complete job" pressed while the signature is still being stored waits for it.
    await workOrder.saveSignatureThenCompleteAtOnce('Contactor replaced, unit back in service.');
    expect(await workOrder.isMarkedUnsynced()).toBe(true);
    await sync.waitForPending(1);
    // Still offline: the asset's service history has the job and what was done, newest first.
    await page.getByTestId('wo-asset-link').click();
    const latest = page.getByTestId('history-entry').first();
    await latest.filter({ hasText: 'Contactor replaced, unit back in service.' }).waitFor();
    expect(await latest.getAttribute('data-kind')).toBe('workOrder');
    // Done today, so it stays on Today whatever day it was scheduled for.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    const doneRow = page.locator('section[aria-labelledby="group-today"]').getByTestId('wo-row').filter({ hasText: target.number });
    await doneRow.filter({ hasText: 'Done' }).waitFor();
    expect(await doneRow.getAttribute('data-status')).toBe('completed');

    // Close the app and open it again, still offline: everything is still there and unsynced.
    await page.close();
    const reopened = await context.newPage();
    await reopened.goto(`/work-orders/${target.id}`);
    const reopenedSync = new SyncStatus(reopened);
    await reopenedSync.waitForState('offline');
    await reopened.getByTestId('wo-status').waitFor();
    const again = new WorkOrderPage(reopened);
    expect(await again.status()).toMatch(/completed/i);
    await again.waitForUnsyncedMarker();
    await reopenedSync.waitForPending(1);

    // Meanwhile a dispatcher gives the engineer a new job.
    const dispatcher = await loginAs(server.url, 'dispatch1');
    const newJob = buildWorkOrder({ id: `wo-e2e-${Date.now()}`, assigneeId: 'user-eng1', siteId: target.siteId, scheduledStart: target.scheduledStart, scheduledEnd: target.scheduledEnd });
    expect((await pushRows(dispatcher, 'workOrders', [{ newDocumentState: newJob }])).body).toEqual([]);

    // Back online: the changes drain and the server has every one of them, the photo included.
    await context.setOffline(false);
    await reopenedSync.waitForPending(0, 0, 60_000);
    const onServer = await serverWorkOrder(target.id);
    expect(onServer.status).toBe('completed');
    expect(onServer.resolution).toBe('Contactor replaced, unit back in service.');
    expect(onServer.checkIn).toMatchObject({ lat: 51.5055, lng: -0.0235 });
    expect(onServer.checklist.filter((item) => item.done)).toHaveLength(ticked);
    expect(onServer.timeLogs.some((log) => log.kind === 'work' && log.end)).toBe(true);
    expect(onServer.notes.map((note) => note.text)).toContain('Replaced the contactor; tested under load.');
    expect(onServer.photos).toHaveLength(1);
    expect(onServer.signature?.name).toBe('Pat Customer');
    const attachments = (await pullAll(admin, 'attachments', 100)).documents as Attachment[];
    const photo = attachments.find((attachment) => attachment.id === onServer.photos[0]);
    expect(photo?.data.length).toBeGreaterThan(10);
    expect(attachments.some((attachment) => attachment.id === onServer.signature?.attachmentId)).toBe(true);

    // Back on Today (in-app navigation, no reload): the job the dispatcher created while the
    // engineer was offline is there, and one created now appears live.
    await reopened.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    const created = await serverWorkOrder(newJob.id);
    await reopened.getByTestId('wo-row').filter({ hasText: created.number }).waitFor({ timeout: 20_000 });
    const liveJob = buildWorkOrder({ id: `wo-e2e-live-${Date.now()}`, assigneeId: 'user-eng1', siteId: target.siteId, scheduledStart: target.scheduledStart, scheduledEnd: target.scheduledEnd });
    expect((await pushRows(dispatcher, 'workOrders', [{ newDocumentState: liveJob }])).body).toEqual([]);
    const liveNumber = (await serverWorkOrder(liveJob.id)).number;
    await reopened.getByTestId('wo-row').filter({ hasText: liveNumber }).waitFor({ timeout: 10_000 });
  });
});

describe('a busy day on Today', () => {
  it('lists the first 50 work orders of the day in time order, and the rest a page at a time', async () => {
    const dispatcher = await loginAs(server.url, 'dispatch1');
    const siteId = ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.assigneeId === 'user-eng5')?.siteId;
    const noon = new Date();
    noon.setHours(12, 0, 0, 0);
    const run = Date.now();
    // A day of bulk-scheduled inspections, one a minute from noon on the device's calendar.
    const inspections = Array.from({ length: 60 }, (_, minute) =>
      buildWorkOrder({
        id: `wo-e2e-busy-${run}-${String(minute).padStart(2, '0')}`,
        assigneeId: 'user-eng5',
        siteId,
        kind: 'inspection',
        scheduledStart: new Date(noon.getTime() + minute * 60_000).toISOString(),
        scheduledEnd: new Date(noon.getTime() + (minute + 30) * 60_000).toISOString(),
      }),
    );
    expect((await pushRows(dispatcher, 'workOrders', inspections.map((wo) => ({ newDocumentState: wo })))).body).toEqual([]);
    const isToday = (stamp: string) => new Date(stamp).toDateString() === noon.toDateString();
    const all = (await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[];
    // The engineer's whole day, jobs done today and jobs under way too, in the order Today lists it:
    // a completed job at its completion.
    const underWay = (wo: WorkOrder) => ['en_route', 'on_site', 'in_progress'].includes(wo.status);
    const listedAt = (wo: WorkOrder) => (wo.status === 'completed' && wo.completedAt ? wo.completedAt : wo.scheduledStart);
    const day = all
      .filter((wo) => wo.assigneeId === 'user-eng5' && !wo._deleted && (isToday(listedAt(wo)) || underWay(wo)))
      .sort((a, b) => Date.parse(listedAt(a)) - Date.parse(listedAt(b)) || (a.id < b.id ? -1 : 1))
      .map((wo) => wo.id);
    expect(day.length).toBeGreaterThan(50);

    const phone = await newPhoneContext(browser, baseURL);
    const page = await phone.newPage();
    await new LoginPage(page).signIn('eng5');
    await new SyncStatus(page).waitForCaughtUp();
    const today = page.locator('section[aria-labelledby="group-today"]');
    const rows = today.getByTestId('wo-row');
    const listed = () => rows.evaluateAll((links) => links.map((link) => link.getAttribute('data-id')));
    const UNTIL_LISTED = { timeout: 20_000 };
    await expect.poll(listed, UNTIL_LISTED).toEqual(day.slice(0, 50));
    expect(await today.getByRole('heading').innerText()).toContain('(50+)');

    const more = today.getByRole('button', { name: 'Show more' });
    for (let shown = 50; shown < day.length; shown += 50) {
      await more.click();
      await expect.poll(listed, UNTIL_LISTED).toEqual(day.slice(0, shown + 50));
    }
    expect(await more.count()).toBe(0);
    await phone.close();
  });
});
