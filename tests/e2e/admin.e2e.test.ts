import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { TestApi } from '../helpers/api-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newDesktopContext, newPhoneContext } from './browser';
import { startE2eServer } from './e2e-server';
import { LoginPage } from './page-models/login-page';
import { SyncStatus } from './page-models/sync-status';
import { UsersAdmin } from './page-models/users-admin';

let server: TestServer;
let baseURL: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, baseURL } = await startE2eServer());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the admin', () => {
  it('adds an engineer who then signs in on a phone, and sets them a new password', async () => {
    const desk = await newDesktopContext(browser, baseURL);
    const page = await desk.newPage();
    await new LoginPage(page).signIn('admin');
    await new SyncStatus(page).waitForState('live');
    const users = new UsersAdmin(page);
    await users.open();

    const fields = { username: 'noor.haddad', fullName: 'Noor Haddad', email: 'noor@example.com', role: 'Field engineer', site: 'London Canary Wharf', skills: 'HVAC, electrical', password: 'first-day-secret' };
    expect(await users.addUser({ ...fields, password: 'short' })).toMatch(/at least 8 characters/);
    expect(await users.addUser(fields)).toContain('they can sign in as noor.haddad now');
    // The new directory entry reaches the admin's own device through the sync.
    await users.card('noor.haddad').waitFor();
    expect(await users.card('noor.haddad').innerText()).toMatch(/Noor Haddad[\s\S]*Field engineer[\s\S]*LON-CW/);
    expect(await users.addUser({ ...fields, email: 'other@example.com' })).toMatch(/noor\.haddad is taken/);

    const phone = await newPhoneContext(browser, baseURL);
    const engineer = await phone.newPage();
    await new LoginPage(engineer).signIn('noor.haddad', 'first-day-secret');
    await engineer.getByRole('heading', { name: /My work orders/ }).waitFor();

    expect(await users.setPassword('noor.haddad', 'second-secret')).toContain('signed out on every device');
    const api = new TestApi(server.url);
    expect((await api.post('/api/auth/login', { username: 'noor.haddad', password: 'first-day-secret' })).status).toBe(401);
    expect((await api.post('/api/auth/login', { username: 'noor.haddad', password: 'second-secret' })).status).toBe(200);
    // A mistyped address says so inside the app, with its navigation.
    await page.goto('/admin/no-such-screen');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).isVisible()).toBe(true);
    await Promise.all([desk.close(), phone.close()]);
  });
});
