import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { TestApi } from '../helpers/api-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newDesktopContext, newPhoneContext } from './browser';
import { startE2eServer } from './e2e-server';
import { DispatchDesk } from './page-models/dispatch-desk';
import { LoginPage } from './page-models/login-page';
import { CategoriesAdmin, SitesAdmin } from './page-models/reference-admin';
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
    // Every invalid input is named at once, in words, before anything is sent.
    expect(await users.addUser({ ...fields, fullName: ' ', email: 'noor@', password: 'short' })).toEqual(['Required.', 'Invalid email address.', 'At least 8 characters.']);
    expect(await users.addUser(fields)).toEqual([expect.stringContaining('they can sign in as noor.haddad now')]);
    // The new directory entry reaches the admin's own device through the sync.
    await users.card('noor.haddad').waitFor();
    expect(await users.card('noor.haddad').innerText()).toMatch(/Noor Haddad[\s\S]*Field engineer[\s\S]*LON-CW/);
    expect(await users.addUser({ ...fields, email: 'other@example.com' })).toEqual([expect.stringMatching(/noor\.haddad is taken/)]);

    const phone = await newPhoneContext(browser, baseURL);
    const engineer = await phone.newPage();
    await new LoginPage(engineer).signIn('noor.haddad', 'first-day-secret');
    await engineer.getByRole('heading', { name: /My work orders/ }).waitFor();

    // The admin adds a site to the engineer: their phone's token is refused and renewed at once,
    // and the app says their access changed.
    const card = users.card('noor.haddad');
    if ((await card.getAttribute('open')) === null) await card.locator('summary').click();
    await card.getByRole('checkbox', { name: /Berlin/ }).check();
    await card.getByRole('button', { name: 'Save details' }).click();
    await card.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await engineer.getByTestId('access-changed').waitFor({ timeout: 30_000 });

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

  it('adds a site and a category, which reach a dispatcher who files a ticket under them', async () => {
    const [adminContext, deskContext] = await Promise.all([newDesktopContext(browser, baseURL), newDesktopContext(browser, baseURL)]);
    const page = await adminContext.newPage();
    await new LoginPage(page).signIn('admin');
    // The local code check needs the seeded sites on the device.
    await new SyncStatus(page).waitForCaughtUp();
    // A dispatcher is already at the desk: the new site must reach an open screen, live.
    const deskPage = await deskContext.newPage();
    await new LoginPage(deskPage).signIn('dispatch1');
    await new SyncStatus(deskPage).waitForState('live');
    await deskPage.getByRole('link', { name: 'New ticket' }).click();
    const desk = new DispatchDesk(deskPage);

    const sites = new SitesAdmin(page);
    await sites.open();
    const lisbon = { code: 'lis-av', name: 'Lisbon Avenida', address: 'Avenida da Liberdade 2, Lisbon', lat: '38,7205', lng: '-9.1459', timezone: 'Europe/Lisbon' };
    const refused = await sites.addSite({ ...lisbon, code: 'LON-CW', name: ' ', lat: '95', timezone: 'Europe/Lisbonne' });
    expect(refused).toEqual([
      expect.stringContaining('London Canary Wharf already has the code LON-CW'),
      'Required.',
      expect.stringMatching(/latitude between -90 and 90/),
      expect.stringMatching(/IANA time zone/),
    ]);
    expect(await sites.addSite(lisbon)).toEqual([expect.stringContaining('Added Lisbon Avenida (LIS-AV)')]);
    await sites.card('LIS-AV').waitFor();
    expect(await sites.addSite({ ...lisbon, name: 'Lisbon again' })).toEqual([expect.stringContaining('Lisbon Avenida already has the code LIS-AV')]);

    const categories = new CategoriesAdmin(page);
    await categories.open();
    const roofing = { name: 'Roofing', description: 'Roofs, gutters and skylights', skills: 'roofing, heights', defaultPriority: 'Low' };
    expect(await categories.addCategory({ ...roofing, name: 'hvac' })).toEqual([expect.stringContaining('already a category called HVAC')]);
    expect(await categories.addCategory(roofing)).toEqual([expect.stringContaining('Added Roofing')]);
    await categories.card('Roofing').waitFor();

    await desk.waitForChoices('Lisbon Avenida', 'Roofing');
    await desk.fileTicket({ title: 'Skylight leaking', description: 'Water through the atrium skylight.', site: 'Lisbon Avenida', category: 'Roofing' });
    // The server accepted the ticket: it knows the new site and category.
    expect(await desk.waitForServerNumber()).toMatch(/^TCK-\d{6,}$/);

    // An edit travels the same way.
    await sites.open();
    expect(await sites.rename('LIS-AV', 'Lisbon Liberdade')).toEqual([expect.stringContaining('Saved')]);
    await deskPage.getByRole('link', { name: 'Queue' }).click();
    await deskPage.getByRole('link', { name: 'New ticket' }).click();
    await desk.waitForChoices('Lisbon Liberdade', 'Roofing');
    await Promise.all([adminContext.close(), deskContext.close()]);
  });
});
