import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { User, WorkOrder } from '@shared/schemas';
import { ACCESS_TOKEN_TTL_SECONDS } from '@shared/sync/auth-protocol';
import { USERS_ADMIN_PATH } from '@shared/sync/user-admin-protocol';
import { loginAs, type TestApi } from '../helpers/api-client';
import type { MovableClock } from '../helpers/movable-clock';
import { pullAll, pushRows } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newPhoneContext } from './browser';
import { startE2eServer } from './e2e-server';
import { engineerReadyToGoOffline } from './page-models/ready-to-go-offline';
import { LoginPage } from './page-models/login-page';
import { SyncStatus } from './page-models/sync-status';
import { WorkOrderPage } from './page-models/work-order-page';

let server: TestServer;
let baseURL: string;
let clock: MovableClock;
let browser: Browser;
/** A fresh admin session each time: one test moves the server's clock past the access token's lifetime. */
const asAdmin = (): Promise<TestApi> => loginAs(server.url, 'admin');

beforeAll(async () => {
  ({ server, baseURL, clock } = await startE2eServer());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The page's IndexedDB databases that hold this user's local data (app/db/stored-databases.ts). */
function storedDatabasesOf(page: Page, userId: string): Promise<string[]> {
  return page.evaluate(async (prefix) => (await indexedDB.databases()).flatMap((info) => (info.name?.startsWith(prefix) ? [info.name] : [])), `rxdb-dexie-fs-${userId}--`);
}

describe('a password reset while the phone is offline, past the access token’s lifetime', () => {
  it('asks to sign in again in plain words; signing in again as the same user keeps the note, which then reaches the server', async () => {
    const { context, page, sync, openJob } = await engineerReadyToGoOffline(browser, baseURL, 'eng3');
    await context.setOffline(true);
    await sync.waitForState('offline');
    await openJob.click();
    const workOrder = new WorkOrderPage(page);
    const note = 'Written offline, before the password reset';
    await workOrder.addNote(note);
    await sync.waitForPending(1);

    // The admin sets a new password (which revokes eng3's refresh tokens); 16 minutes pass.
    expect((await (await asAdmin()).request('PUT', `${USERS_ADMIN_PATH}/user-eng3/password`, { password: 'a new password for eng3' })).status).toBe(200);
    clock.advance((ACCESS_TOKEN_TTL_SECONDS + 60) * 1000);
    await context.setOffline(false);

    await sync.waitForState('needs-sign-in');
    const bar = page.getByTestId('sync-status');
    expect(await bar.innerText()).toContain('Sign in again to sync; your changes stay on this device.');
    expect(await page.locator('body').innerText()).not.toMatch(/refresh token|refreshToken|cookie/i);
    expect(await sync.pendingCount()).toBe(1);
    // Local work goes on meanwhile.
    await page.getByTestId('note').filter({ hasText: note }).waitFor();

    await page.getByTestId('sign-in-again').click();
    await page.getByRole('heading', { name: 'Sign in again', level: 1 }).waitFor();
    expect(await page.getByLabel('Username').inputValue()).toBe('eng3');
    const login = new LoginPage(page);

    // Another user would delete eng3's unsynced note: the app says so and waits for a yes.
    await login.submit('eng4');
    const dialog = page.getByTestId('replace-user-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('1 change has not reached the server yet');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const wrong = page.getByRole('alert').filter({ hasText: 'Wrong username or password.' });
    await login.submit('eng3', 'demo1234');
    await wrong.waitFor();

    // From here, a pull without a checkpoint would be the local data downloaded again from scratch.
    const pulledFromScratch: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/sync/workOrders/pull' && !url.searchParams.has('checkpoint')) pulledFromScratch.push(url.search);
    });
    await login.submit('eng3', 'a new password for eng3');
    await sync.waitForPending(0, 0, 30_000);
    await sync.waitForState('live');
    expect(pulledFromScratch).toEqual([]);

    const all = (await pullAll(await asAdmin(), 'workOrders', 1000)).documents as WorkOrder[];
    expect(all.some((wo) => wo.notes.some((entry) => entry.text === note))).toBe(true);
    await context.close();
  });
});

describe('an admin deactivates an engineer who is signed in on a phone', () => {
  it('locks the app at once: no data on screen, after a reload too, and the only way on removes the data', async () => {
    const context = await newPhoneContext(browser, baseURL);
    const page = await context.newPage();
    await new LoginPage(page).signIn('eng5');
    const sync = new SyncStatus(page);
    await sync.waitForCaughtUp();
    await page.getByTestId('wo-row').first().waitFor();
    expect((await storedDatabasesOf(page, 'user-eng5')).length).toBeGreaterThan(0);

    const admin = await asAdmin();
    const users = (await pullAll(admin, 'users', 1000)).documents as User[];
    const eng5 = users.find((user) => user.id === 'user-eng5');
    if (!eng5) throw new Error('demo user eng5 missing');
    expect((await pushRows(admin, 'users', [{ assumedMasterState: eng5, newDocumentState: { ...eng5, active: false } }])).body).toEqual([]);

    const locked = page.getByTestId('account-locked');
    await locked.waitFor({ timeout: 30_000 });
    expect(await locked.innerText()).toContain('has been deactivated');
    expect(await page.getByTestId('wo-row').count()).toBe(0);
    expect(await page.getByTestId('sync-status').count()).toBe(0);

    // The server says it only once (the refresh family is revoked with the answer): the device remembers.
    await page.reload();
    await locked.waitFor();
    expect(await page.getByTestId('wo-row').count()).toBe(0);
    await page.goto('/login');
    await locked.waitFor();

    await locked.getByRole('button', { name: 'Remove data from this device' }).click();
    await new LoginPage(page).waitForForm();
    await expect.poll(() => storedDatabasesOf(page, 'user-eng5')).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('fs.profile'))).toBeNull();
    await context.close();
  });
});

describe('two tabs of the app, one signs out', () => {
  it('sends the other tab to the login screen at once, showing nothing of the previous user', async () => {
    const context = await newPhoneContext(browser, baseURL);
    const first = await context.newPage();
    await new LoginPage(first).signIn('eng1');
    await new SyncStatus(first).waitForCaughtUp();
    const second = await context.newPage();
    await second.goto('/');
    await second.getByTestId('wo-row').first().waitFor();

    await first.goto('/settings');
    await first.getByRole('button', { name: 'Sign out' }).click();
    await new LoginPage(first).waitForForm();

    // No reload in the second tab: it hears of the sign-out.
    await new LoginPage(second).waitForForm();
    expect(new URL(second.url()).pathname).toBe('/login');
    expect(await second.getByTestId('wo-row').count()).toBe(0);
    expect(await second.getByTestId('sync-status').count()).toBe(0);
    await expect.poll(() => storedDatabasesOf(second, 'user-eng1')).toEqual([]);
    await context.close();
  });
});
