import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Ticket } from '@shared/schemas';
import { loginAs } from '../helpers/api-client';
import { buildTicket } from '../helpers/factories';
import { MovableClock } from '../helpers/movable-clock';
import { pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { launchBrowser, newDesktopContext } from './browser';
import { LoginPage } from './page-models/login-page';
import { SyncStatus } from './page-models/sync-status';

const APP_DIST = path.resolve(import.meta.dirname, '../../app/dist');
const MIN = 60_000;
let server: TestServer;
let baseURL: string;
const clock = new MovableClock();
let browser: Browser;

beforeAll(async () => {
  // The real server with demo data and the SLA checker running often, on a clock the test moves.
  server = await startTestServer({ clock, env: { APP_DIST, SLA_CHECK_INTERVAL_MS: '250' } });
  baseURL = `http://localhost:${new URL(server.url).port}`;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('SLA notifications in the app', () => {
  it('a breach shows live in the dispatcher’s Alerts count and notification centre, and can be marked read', async () => {
    const context = await newDesktopContext(browser, baseURL);
    const page = await context.newPage();
    await new LoginPage(page).signIn('dispatch1');
    await new SyncStatus(page).waitForState('live');
    await page.getByRole('link', { name: /^Alerts/ }).click();
    await page.getByRole('heading', { name: /Alerts/ }).waitFor();

    // A critical (24×7, 30 min response) ticket nobody picks up…
    const desk = await loginAs(server.url, 'dispatch1');
    const ticket = buildTicket({ id: 'tck-e2e-breach', number: 'TCK-000000', priority: 'critical', slaPolicyId: 'sla-critical', siteId: 'site-lon', reportedBy: 'user-dispatch1', status: 'new' });
    expect((await pushRows(desk, 'tickets', [{ newDocumentState: ticket }])).status).toBe(200);
    const number = ((await server.store.get('tickets', ticket.id))?.fields as Ticket).number;

    // …until its response is overdue by the server's clock.
    clock.advance(31 * MIN);
    const breach = page.getByTestId('notification').filter({ hasText: `${number}: response overdue` });
    await breach.waitFor({ timeout: 60_000 });
    expect(await breach.getAttribute('data-kind')).toBe('sla_breached');
    expect(await breach.getAttribute('data-read')).toBe('false');
    // The due time comes as data and is worded on the device, like every other time in the app.
    expect(await breach.getByTestId('notification-due').innerText()).toMatch(/^Response was due \S+.* \d{2}:\d{2}/);
    const count = page.getByTestId('unread-count');
    await count.waitFor();
    expect(Number(await count.textContent())).toBeGreaterThan(0);

    // The alert leads to its ticket, and opening it marks it read.
    await breach.getByRole('link').click();
    await page.waitForURL(`**/tickets/${ticket.id}`);
    await page.getByTestId('ticket-number').filter({ hasText: number }).waitFor();
    await page.goBack();
    await breach.and(page.locator('[data-read="true"]')).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Mark all read' }).click();
    await count.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await breach.getAttribute('data-read')).toBe('true');
    await context.close();
  }, 180_000);
});
