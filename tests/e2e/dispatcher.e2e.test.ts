import fs from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { loginAs } from '../helpers/api-client';
import { OPEN_TICKET_STATUSES } from '@shared/domain/ticket-queue';
import type { Ticket, WorkOrder } from '@shared/schemas';
import { buildSite, buildTicket } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newDesktopContext, newPhoneContext, waitForServiceWorkerControl } from './browser';
import { startE2eServer } from './e2e-server';
import { DispatchDesk } from './page-models/dispatch-desk';
import { DispatchMap } from './page-models/dispatch-map';
import { LoginPage } from './page-models/login-page';
import { SyncStatus } from './page-models/sync-status';
import { slaViewAt } from '@shared/domain/sla/sla-state';

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

    // The map: the new ticket sits in London's cluster; opening clusters reaches its own marker.
    const map = new DispatchMap(page);
    await map.open();
    const ticketMarker = await map.revealTicket('site-lon', ticketId);
    await ticketMarker.click();
    await map.siteTickets().getByRole('listitem').filter({ hasText: number }).and(page.locator('[aria-current="true"]')).waitFor(LONG);

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

  it('gets past the header and the whole queue in a few Tabs: a skip link, then the rows as one tab stop moved by arrows, j/k, Home and End', async () => {
    const page = await desk.newPage();
    await page.goto('/');
    await new SyncStatus(page).waitForState('live');
    const rows = page.getByTestId('queue-row');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="queue-row"]').length >= 10, undefined, LONG);
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        const row = active?.closest<HTMLElement>('[data-testid="queue-row"]');
        return { text: active?.textContent?.trim() ?? '', id: active?.id ?? '', row: row ? [...document.querySelectorAll('[data-testid="queue-row"]')].indexOf(row) : -1, isRow: active?.matches('[data-testid="queue-row"]') ?? false };
      });

    // The first Tab reaches the skip link; following it puts focus at the start of the screen.
    await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('main');

    // Past the filters, one Tab reaches the rows: only one row, and nothing inside the rows, is a tab stop.
    let tabs = 0;
    while (!(await focused()).isRow && tabs < 40) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    // The filters and the select-all box (13 today), however many rows there are.
    expect(tabs).toBeLessThan(20);
    expect((await focused())).toMatchObject({ isRow: true, row: 0 });
    const tabStops = () => page.locator('tbody').evaluate((body) => [...body.querySelectorAll<HTMLElement>('tr, a, input, button, select')].filter((element) => element.tabIndex >= 0).length);
    expect(await tabStops()).toBe(1);
    const rowCount = await rows.count();

    // ↓, j, k, End and Home move the focus, and the tab stop goes with it.
    await page.keyboard.press('ArrowDown');
    expect((await focused()).row).toBe(1);
    await page.keyboard.press('j');
    expect((await focused()).row).toBe(2);
    await page.keyboard.press('k');
    expect((await focused()).row).toBe(1);
    await page.keyboard.press('End');
    expect((await focused()).row).toBe(rowCount - 1);
    await page.keyboard.press('Home');
    expect((await focused()).row).toBe(0);
    await page.keyboard.press('ArrowDown');
    expect(await tabStops()).toBe(1);
    expect(await rows.nth(1).getAttribute('tabindex')).toBe('0');

    // One Tab leaves the whole queue; Shift+Tab comes back to the row last used.
    await page.keyboard.press('Tab');
    expect((await focused()).row).toBe(-1);
    await page.keyboard.press('Shift+Tab');
    expect((await focused())).toMatchObject({ isRow: true, row: 1 });

    // Space selects, Enter opens, as before.
    await page.keyboard.press(' ');
    await page.getByText('1 selected').waitFor(LONG);
    const id = await rows.nth(1).getAttribute('data-id');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/tickets/${id ?? ''}`, LONG);
    await page.close();
  });

  it('clusters the map’s tickets with their count and worst SLA state, so a breach among tickets on track shows, and opens a site’s cluster to each ticket', async () => {
    // Two sites far from the demo's and from each other: Cape Town gets three fresh tickets and
    // one of the demo's breached ones, São Paulo two fresh ones only.
    const admin = await loginAs(server.url, 'admin');
    const stamp = Date.now();
    const capeTown = buildSite({ id: `site-cpt-${stamp}`, code: 'CPT-E2E', name: 'Cape Town Foreshore', address: '1 Heerengracht, Cape Town 8001', location: { lat: -33.918, lng: 18.4233 }, timezone: 'Africa/Johannesburg' });
    const saoPaulo = buildSite({ id: `site-sao-${stamp}`, code: 'SAO-E2E', name: 'São Paulo Paulista', address: 'Avenida Paulista 1000, São Paulo', location: { lat: -23.5614, lng: -46.6559 }, timezone: 'America/Sao_Paulo' });
    expect((await pushRows(admin, 'sites', [{ newDocumentState: capeTown }, { newDocumentState: saoPaulo }])).body).toEqual([]);
    const fresh = [capeTown, capeTown, capeTown, saoPaulo, saoPaulo].map((site, index) =>
      buildTicket({ id: `map-${stamp}-${index}`, title: `Map check ${index}`, siteId: site.id, slaPolicyId: 'sla-high', reportedBy: 'user-admin', status: 'new' }),
    );
    expect((await pushRows(admin, 'tickets', fresh.map((ticket) => ({ newDocumentState: ticket })))).body).toEqual([]);
    const openTickets = async () => ((await pullAll(admin, 'tickets', 1000)).documents as Ticket[]).filter((ticket) => OPEN_TICKET_STATUSES.includes(ticket.status));
    const late = (await openTickets()).find((ticket) => ticket.sla.state === 'breached');
    if (!late) throw new Error('no open breached ticket in the demo data');
    const moved: Ticket = { ...late, siteId: capeTown.id };
    delete moved.assetId; // the asset stays at its own site
    expect((await pushRows(admin, 'tickets', [{ assumedMasterState: late, newDocumentState: moved }])).body).toEqual([]);

    // A desk of its own, so this test runs alone too.
    const context = await newDesktopContext(browser, baseURL);
    const page = await context.newPage();
    await new LoginPage(page).signIn('dispatch2');
    await new SyncStatus(page).waitForCaughtUp();
    const map = new DispatchMap(page);
    await map.open();
    // The desk holds all five changes once Cape Town's cluster counts four; it is breached.
    await page.locator(`[data-testid="map-cluster"][data-sites="${capeTown.id}"][data-count="4"]`).waitFor(LONG);
    await map.waitForStill();
    expect(await map.clusterHolding(capeTown.id).getAttribute('data-worst')).toBe('breached');
    expect(await map.clusterHolding(saoPaulo.id).getAttribute('data-worst')).toBe('ok');
    expect(await map.clusterHolding(capeTown.id).getAttribute('title')).toBe('4 open tickets at 1 site: 1 breached, 3 on track');

    // Every cluster counts the open tickets of its sites and takes the worst state among them.
    const open = await openTickets();
    // As the map shows a ticket: a due time that passed is a breach before the checker records it.
    const shownState = (ticket: Ticket) => ({ breached: 'breached', warning: 'warning' })[slaViewAt(ticket, new Date()).state as string] ?? 'ok';
    const worstOf = (tickets: Ticket[]) => (['breached', 'warning', 'ok'] as const).find((state) => tickets.some((ticket) => shownState(ticket) === state)) ?? 'none';
    const clusters = await map.clusters();
    expect(clusters.length).toBeGreaterThanOrEqual(3);
    // The page's clock ticks once a minute: a cluster with a due time inside the last two minutes may show either side of it.
    const dueJustNow = (ticket: Ticket) => [ticket.sla.responseDueAt, ticket.sla.resolutionDueAt].some((due) => Math.abs(Date.parse(due) - Date.now()) < 120_000);
    for (const cluster of clusters) {
      const inside = open.filter((ticket) => cluster.siteIds.includes(ticket.siteId));
      expect(cluster.count, cluster.siteIds.join(' ')).toBe(inside.length);
      if (!inside.some(dueJustNow)) expect(cluster.worst, cluster.siteIds.join(' ')).toBe(worstOf(inside));
    }

    // Cape Town's four share one spot: a click spreads them, and each opens its ticket.
    await map.clusterHolding(capeTown.id).click();
    await expect.poll(() => map.ticketMarkersAt(capeTown.id).count(), LONG).toBe(4);
    const breachedMarker = map.ticketMarker(moved.id);
    expect(await breachedMarker.getAttribute('data-sla')).toBe('breached');
    expect(await map.ticketMarkersAt(capeTown.id).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-sla')).sort())).toEqual(['breached', 'ok', 'ok', 'ok']);
    // By keyboard: Leaflet's focusable marker answers Enter.
    await map.waitForStill();
    await map.focusableOf(breachedMarker).focus();
    await page.keyboard.press('Enter');
    await map.siteTickets().getByRole('listitem').filter({ hasText: late.number }).and(page.locator('[aria-current="true"]')).waitFor(LONG);
    expect(await map.siteTickets().getByRole('listitem').count()).toBe(4);
    // Choosing a ticket leaves the others spread out, to choose the next one.
    await map.waitForStill();
    expect(await map.ticketMarkersAt(capeTown.id).count()).toBe(4);
    await map.ticketMarker(fresh[0]?.id ?? '').click();
    await map.siteTickets().locator('[aria-current="true"]').filter({ hasText: 'Map check 0' }).waitFor(LONG);

    // Tiles came from the test server; nothing else was asked of any other host.
    expect(map.tilePaths.length).toBeGreaterThan(0);
    expect([...map.hosts].filter((host) => host !== 'localhost' && host !== '127.0.0.1')).toEqual([]);
    await context.close();
  });
});
