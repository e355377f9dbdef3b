import fs from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { loginAs } from '../helpers/api-client';
import type { WorkOrder } from '@shared/schemas';
import { buildTicket } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newDesktopContext, newPhoneContext, waitForServiceWorkerControl } from './browser';
import { startE2eServer } from './e2e-server';
import { DispatchDesk } from './page-models/dispatch-desk';
import { LoginPage } from './page-models/login-page';
import { SyncStatus } from './page-models/sync-status';

const LONG = { timeout: 60_000 };

let server: TestServer;
let baseURL: string;
let browser: Browser;
let desk: BrowserContext;
let field: BrowserContext;

beforeAll(async () => {
  ({ server, baseURL } = await startE2eServer());
  browser = await launchBrowser();
  desk = await newDesktopContext(browser, baseURL);
  field = await newPhoneContext(browser, baseURL);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the dispatcher desk', () => {
  it('creates a ticket and an assigned work order that the engineer sees live, talks with them, maps it and exports it', async () => {
    const page = await desk.newPage();
    await new LoginPage(page).signIn('dispatch1');
    await new SyncStatus(page).waitForState('live');
    await page.getByRole('heading', { name: /Ticket queue/ }).waitFor(LONG);

    const marker = `E2E${Date.now()}`;
    const dispatcher = new DispatchDesk(page);
    const ticketId = await dispatcher.createTicket({ title: `Chiller tripped ${marker}`, description: 'Rooftop chiller tripped on high pressure.', site: 'London Canary Wharf', category: 'HVAC' });
    const number = await dispatcher.waitForServerNumber();

    // The engineer the desk will pick is signed in on a phone before the job exists.
    const top = await page.getByTestId('suggestion').first().getAttribute('data-engineer');
    expect(top).toBe('eng1');
    const phone = await field.newPage();
    await new LoginPage(phone).signIn(top ?? '');
    await new SyncStatus(phone).waitForState('live');

    const { username, workOrderId } = await dispatcher.createWorkOrderWithTopSuggestion();
    expect(username).toBe(top);
    // Live: no reload on the phone.
    const row = phone.locator(`[data-testid="wo-row"][data-id="${workOrderId}"]`);
    await row.waitFor(LONG);

    await row.click();
    await phone.getByTestId('linked-ticket').waitFor(LONG);
    await phone.getByLabel('Comment', { exact: true }).fill(`On my way ${marker}`);
    await phone.getByRole('button', { name: 'Post comment' }).click();
    await dispatcher.waitForComment(`On my way ${marker}`);
    expect(await page.getByTestId('ticket-assignee').innerText()).not.toBe('Nobody yet');

    // The engineer finds the ticket with the offline search, network gone.
    await waitForServiceWorkerControl(phone);
    await field.setOffline(true);
    await phone.getByRole('link', { name: 'Search', exact: true }).click();
    await phone.getByRole('searchbox').fill(marker);
    await phone.locator('[data-testid="search-hit"][data-kind="ticket"]').filter({ hasText: 'Chiller tripped' }).waitFor(LONG);
    await field.setOffline(false);

    // The map: a marker for the site with the open ticket (no tile server at all).
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    const siteMarker = page.locator('[data-testid="site-marker"][data-site="site-lon"]');
    await siteMarker.waitFor(LONG);
    expect(Number(await siteMarker.getAttribute('data-open'))).toBeGreaterThanOrEqual(1);
    await siteMarker.click();
    await page.getByTestId('map-site-tickets').filter({ hasText: number }).waitFor(LONG);

    // Reports: filter to this ticket through the URL-kept filters, export the CSV.
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill(marker);
    await page.getByLabel(/^Site/).selectOption({ label: 'London Canary Wharf' });
    await page.getByRole('button', { name: 'Export CSV (1)' }).waitFor(LONG);
    expect(page.url()).toContain(`q=${marker}`);
    const [download] = await Promise.all([page.waitForEvent('download', LONG), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^tickets-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]).toMatchObject({ number, title: `Chiller tripped ${marker}`, site: 'LON-CW', status: 'assigned', assignee: 'eng1' });
    expect(ticketId).toBeTruthy();
  });

  it('moves a Berlin job to another engineer at 10:00 Berlin time, whatever the desk’s own time zone, and leaves site work to the engineer', async () => {
    const admin = await loginAs(server.url, 'admin');
    const all = (await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[];
    const job = all.find((wo) => wo.siteId === 'site-ber' && wo.status === 'scheduled');
    if (!job) throw new Error('no scheduled Berlin job in the demo data');
    const other = job.assigneeId === 'user-eng5' ? { id: 'user-eng6', name: 'Enzo Moretti' } : { id: 'user-eng5', name: 'Eva Lindqvist' };
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

    // A desk in New York: what it types is still the site's clock.
    const newYork = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 }, serviceWorkers: 'allow', timezoneId: 'America/New_York' });
    const page = await newYork.newPage();
    await new LoginPage(page).signIn('dispatch2');
    await new SyncStatus(page).waitForCaughtUp();
    await page.goto(`/work-orders/${job.id}`);
    // Site work is the engineer's to record: the desk sees it, without check-in, timer or signing controls.
    await page.getByTestId('site-work-note').waitFor(LONG);
    for (const name of ['Check in here', 'Start travel', 'Start work timer', 'Save signature']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    const section = page.getByRole('region', { name: 'Assignment and schedule' });
    await section.getByLabel('Engineer').selectOption({ label: other.name });
    await section.getByLabel(/^Start/).fill(`${day}T10:00`);
    await section.getByLabel(/^End/).fill(`${day}T11:30`);
    await section.getByRole('button', { name: 'Save assignment and schedule' }).click();
    await section.getByRole('status').filter({ hasText: 'Saved' }).waitFor(LONG);

    const moved = async () => ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).find((wo) => wo.id === job.id);
    await expect.poll(async () => (await moved())?.assigneeId, { timeout: 30_000 }).toBe(other.id);
    // Berlin is UTC+1 in winter and UTC+2 in summer.
    const berlinOffsetHours = new Date(`${day}T12:00:00Z`).toLocaleString('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hour12: false }).startsWith('14') ? 2 : 1;
    expect((await moved())?.scheduledStart).toBe(`${day}T${String(10 - berlinOffsetHours).padStart(2, '0')}:00:00.000Z`);
    await newYork.close();
  });

  it('updates the queue live, moves by keyboard, and bulk-changes only what is legal, saying why not', async () => {
    const marker = `BULK${Date.now()}`;
    const page = await desk.newPage();
    await page.goto(`/?q=${marker}`);
    await new SyncStatus(page).waitForState('live');
    await page.getByTestId('queue-count').filter({ hasText: '(0)' }).waitFor(LONG);

    // Tickets arrive from elsewhere (another dispatcher's device) while the queue is open.
    const admin = await loginAs(server.url, 'admin');
    const working = buildTicket({ id: `${marker.toLowerCase()}-a`, title: `Assigned ${marker}`, siteId: 'site-lon', slaPolicyId: 'sla-high', reportedBy: 'user-admin', status: 'assigned', assigneeId: 'user-eng2' });
    const fresh = buildTicket({ id: `${marker.toLowerCase()}-b`, title: `Fresh ${marker}`, siteId: 'site-lon', slaPolicyId: 'sla-high', reportedBy: 'user-admin', status: 'new' });
    const pushed = await pushRows(admin, 'tickets', [{ newDocumentState: working }, { newDocumentState: fresh }]);
    expect(pushed.status).toBe(200);
    await page.getByTestId('queue-count').filter({ hasText: '(2)' }).waitFor(LONG);

    // Keyboard: focus the first row, x selects, ↓ moves, x selects the second.
    await page.getByTestId('queue-row').first().focus();
    await page.keyboard.press('x');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('x');
    await page.getByText('2 selected').waitFor(LONG);

    await page.getByLabel(/^Set status/).selectOption({ label: 'On hold' });
    await page.getByRole('button', { name: 'Apply' }).click();
    const summary = page.getByTestId('bulk-summary');
    await summary.waitFor(LONG);
    expect(await summary.innerText()).toMatch(/Changed 1\. Refused 1:/);
    expect(await summary.innerText()).toContain('cannot go from new to on_hold');
    await page.locator(`[data-testid="queue-row"][data-id="${working.id}"] [data-status="on_hold"]`).waitFor(LONG);

    // The filters live in the URL: a reload shows the same view.
    await page.reload();
    await page.getByTestId('queue-count').filter({ hasText: '(2)' }).waitFor(LONG);
  });
});
