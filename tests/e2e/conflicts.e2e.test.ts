import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { WorkOrder } from '@shared/schemas';
import { loginAs, type TestApi } from '../helpers/api-client';
import { pullAll } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newDesktopContext, newPhoneContext, waitForServiceWorkerControl } from './browser';
import { startE2eServer } from './e2e-server';
import { ConflictsPage } from './page-models/conflicts-page';
import { LoginPage } from './page-models/login-page';
import { SyncStatus } from './page-models/sync-status';
import { WorkOrderPage } from './page-models/work-order-page';

/**
 * Two people on one work order: the engineer on a phone, offline; the dispatcher on a desktop,
 * online. Disjoint edits merge silently; the same field gives the engineer a conflict record with
 * both values; "apply mine instead" reaches the dispatcher's open screen live.
 */
let server: TestServer;
let baseURL: string;
let browser: Browser;
let phone: BrowserContext;
let desk: BrowserContext;
let admin: TestApi;

beforeAll(async () => {
  ({ server, baseURL } = await startE2eServer());
  browser = await launchBrowser();
  phone = await newPhoneContext(browser, baseURL);
  desk = await newDesktopContext(browser, baseURL);
  admin = await loginAs(server.url, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function findOnServer(id: string): Promise<WorkOrder | undefined> {
  return ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === id);
}

async function waitForServer(id: string, check: (wo: WorkOrder) => boolean, timeoutMs = 30_000): Promise<WorkOrder> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const wo = await findOnServer(id);
    if (wo && check(wo)) return wo;
    if (Date.now() > deadline) throw new Error(`work order ${id} did not reach the expected state on the server`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const statusIs = (page: Page, status: string) =>
  page.waitForFunction((expected) => document.querySelector('[data-testid="wo-status"]')?.getAttribute('data-status') === expected, status, { timeout: 30_000 });

describe('conflicts between an offline engineer and an online dispatcher', () => {
  it('merges disjoint edits silently, records the same-field clash, and applies mine live', async () => {
    const all = (await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[];
    const target = all.filter((wo) => wo.assigneeId === 'user-eng1' && wo.status === 'scheduled' && wo.checklist.length > 0).at(-1);
    if (!target) throw new Error('eng1 has no scheduled work order with a checklist');

    const engineerPage = await phone.newPage();
    await new LoginPage(engineerPage).signIn('eng1');
    const engineerSync = new SyncStatus(engineerPage);
    await engineerSync.waitForState('live');
    await engineerSync.waitForCaughtUp();
    await waitForServiceWorkerControl(engineerPage);
    await engineerPage.goto(`/work-orders/${target.id}`);
    await engineerPage.getByTestId('wo-status').waitFor();

    const deskPage = await desk.newPage();
    await new LoginPage(deskPage).signIn('dispatch1');
    await new SyncStatus(deskPage).waitForState('live');
    await deskPage.goto(`/work-orders/${target.id}`);
    await deskPage.getByTestId('wo-status').waitFor({ timeout: 30_000 });

    // The engineer loses the network and works: a note (only they touch notes) and a status move.
    await phone.setOffline(true);
    await engineerSync.waitForState('offline');
    const engineer = new WorkOrderPage(engineerPage);
    await engineer.addNote('Filter replaced while offline');
    await engineer.moveTo('en_route');

    // Meanwhile the dispatcher ticks the first checklist item (disjoint) and puts the job on hold (same field).
    await deskPage.getByTestId('checklist').getByRole('checkbox').first().check();
    await new WorkOrderPage(deskPage).moveTo('on_hold');
    await waitForServer(target.id, (wo) => wo.status === 'on_hold' && wo.checklist[0]?.done === true);

    // Back online: the engineer's phone merges. Disjoint edits: both sides have both, silently.
    await phone.setOffline(false);
    await engineerSync.waitForPending(0, 0, 60_000);
    await statusIs(engineerPage, 'on_hold');
    expect(await engineerPage.getByTestId('checklist').getByRole('checkbox').first().isChecked()).toBe(true);
    await engineerPage.getByTestId('note').filter({ hasText: 'Filter replaced while offline' }).waitFor();
    await deskPage.getByTestId('note').filter({ hasText: 'Filter replaced while offline' }).waitFor({ timeout: 30_000 });
    await waitForServer(target.id, (wo) => wo.status === 'on_hold' && wo.notes.some((note) => note.text === 'Filter replaced while offline'));

    // The same field: one conflict record on the engineer's phone, with both values.
    const inbox = new ConflictsPage(engineerPage);
    expect(await inbox.badgeCount()).toBe(1);
    // On a phone the header's Conflicts link may be scrolled away; the sync bar always says it.
    const onSyncBar = engineerPage.getByTestId('sync-bar-conflicts');
    expect(await onSyncBar.innerText()).toBe('1 conflict to review');
    expect(await onSyncBar.isVisible()).toBe(true);
    await inbox.open();
    await expect.poll(() => inbox.conflicts().count(), { timeout: 30_000 }).toBe(1);
    expect(await inbox.values('status')).toEqual({ mine: 'En route', theirs: 'On hold', result: 'On hold' });

    // "Apply mine instead" is an ordinary edit: it replicates and the dispatcher sees it live.
    await inbox.applyMine('status');
    await statusIs(deskPage, 'en_route');
    await waitForServer(target.id, (wo) => wo.status === 'en_route');
    await engineerPage.getByTestId('conflicts-count').waitFor({ state: 'detached' });
    await onSyncBar.waitFor({ state: 'detached' });
  });
});
