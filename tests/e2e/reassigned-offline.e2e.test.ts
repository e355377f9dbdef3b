import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { WorkOrder } from '@shared/schemas';
import { loginAs, type TestApi } from '../helpers/api-client';
import { pullAll } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newDesktopContext } from './browser';
import { serverCopy, startE2eServer } from './e2e-server';
import { ConflictsPage } from './page-models/conflicts-page';
import { DeskWorkOrder } from './page-models/desk-work-order';
import { engineerReadyToGoOffline } from './page-models/ready-to-go-offline';
import { LoginPage } from './page-models/login-page';
import { SyncStatus } from './page-models/sync-status';
import { WorkOrderPage } from './page-models/work-order-page';

/**
 * The engineer works a job offline while the desk gives it to someone else (docs/decisions.md,
 * "Work done on a job reassigned while the engineer was offline is handed in"): in Chromium, what
 * tests/integration/reassigned-offline-app.test.ts checks through the sync layer under Node.
 */
const LONG = { timeout: 60_000 };

let server: TestServer;
let baseURL: string;
let browser: Browser;
let admin: TestApi;

beforeAll(async () => {
  ({ server, baseURL } = await startE2eServer());
  browser = await launchBrowser();
  admin = await loginAs(server.url, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('work done offline on a job the desk reassigned meanwhile', () => {
  it('is handed in with the new engineer kept, then the job leaves the phone without a conflict', async () => {
    const all = (await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[];
    const job = all.find((wo) => wo.assigneeId === 'user-eng1' && wo.status === 'scheduled' && wo.checklist.some((item) => !item.done));
    if (!job) throw new Error('eng1 has no scheduled work order with an open checklist item');
    const step = job.checklist.find((item) => !item.done)?.label ?? '';

    const { context: phone, page, sync } = await engineerReadyToGoOffline(browser, baseURL, 'eng1');
    const desk = await newDesktopContext(browser, baseURL);
    const deskPage = await desk.newPage();
    await new LoginPage(deskPage).signIn('dispatch1');
    await new SyncStatus(deskPage).waitForCaughtUp();

    // Offline on site: the engineer opens the job from Today and works it.
    await phone.setOffline(true);
    await sync.waitForState('offline');
    await page.locator(`[data-testid="wo-row"][data-id="${job.id}"]`).click();
    const engineer = new WorkOrderPage(page);
    await engineer.moveTo('en_route');
    await engineer.tickChecklistItem(step);
    await engineer.addPart({ partNo: 'FLT-220', description: 'Pleated filter', qty: 2 });
    const note = `Filter changed before the call came ${Date.now()}`;
    await engineer.addNote(note);
    await sync.waitForPending(1);

    // Meanwhile the desk gives the job to another engineer.
    await deskPage.goto(`/work-orders/${job.id}`);
    const newEngineer = await new DeskWorkOrder(deskPage).reassignToAnotherEngineer('user-eng1');
    await expect.poll(async () => (await serverCopy(admin, 'workOrders', job.id))?.assigneeId, LONG).toBe(newEngineer);

    // Back online: the work reaches the server on the job as it is now, and the desk sees it live.
    await phone.setOffline(false);
    await expect.poll(async () => (await serverCopy(admin, 'workOrders', job.id))?.notes.map((item) => item.text), LONG).toContain(note);
    const handedIn = await serverCopy(admin, 'workOrders', job.id);
    expect(handedIn).toMatchObject({ assigneeId: newEngineer, status: 'en_route', _deleted: false });
    expect(handedIn?.checklist.find((item) => item.label === step)).toMatchObject({ done: true, doneBy: 'user-eng1' });
    expect(handedIn?.parts).toContainEqual(expect.objectContaining({ partNo: 'FLT-220', description: 'Pleated filter', qty: 2 }));
    await deskPage.getByTestId('note').filter({ hasText: note }).waitFor(LONG);

    // The job leaves the phone: its open page says so, and Today no longer lists it.
    await page.getByTestId('wo-missing').waitFor(LONG);
    expect(await page.getByTestId('wo-missing').innerText()).toContain('This work order is no longer assigned to you.');
    // And that what the engineer recorded got through (handed in before the job left).
    await page.getByText('Everything you recorded on it has reached the server.').waitFor(LONG);
    await page.getByRole('link', { name: 'Back to Today' }).click();
    await sync.waitForPending(0, 0, 60_000);
    await page.locator('[data-testid="wo-row"]').first().waitFor(LONG);
    expect(await page.locator(`[data-testid="wo-row"][data-id="${job.id}"]`).count()).toBe(0);

    // Nothing to review: no conflict and no "deleted" record for the handed-in work.
    const inbox = new ConflictsPage(page);
    await inbox.open();
    await page.getByTestId('conflicts-empty').or(inbox.conflicts()).first().waitFor(LONG);
    expect(await inbox.conflicts().allInnerTexts()).toEqual([]);
    expect(await page.getByTestId('conflicts-count').count()).toBe(0);
    await desk.close();
    await phone.close();
  });
});
