import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { WorkOrder } from '@shared/schemas';
import { ACCESS_TOKEN_TTL_SECONDS } from '@shared/sync/auth-protocol';
import { loginAs } from '../helpers/api-client';
import type { MovableClock } from '../helpers/movable-clock';
import { pullAll } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser } from './browser';
import { startE2eServer } from './e2e-server';
import { engineerReadyToGoOffline } from './page-models/ready-to-go-offline';
import { WorkOrderPage } from './page-models/work-order-page';

let server: TestServer;
let baseURL: string;
let clock: MovableClock;
let browser: Browser;

beforeAll(async () => {
  ({ server, baseURL, clock } = await startE2eServer());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the access token expires while the phone is offline', () => {
  it('loses no pending write: the app renews its session through the refresh cookie and pushes', async () => {
    const { context, page, sync, openJob: row } = await engineerReadyToGoOffline(browser, baseURL, 'eng2');
    await context.setOffline(true);
    await sync.waitForState('offline');
    await row.click();
    const workOrder = new WorkOrderPage(page);
    await workOrder.addNote('Written offline, after the token expired');
    await sync.waitForPending(1);
    // Well past the access token's lifetime, by the server's clock.
    clock.advance((ACCESS_TOKEN_TTL_SECONDS + 60) * 1000);
    await context.setOffline(false);
    await sync.waitForPending(0, 0, 60_000);
    const admin = await loginAs(server.url, 'admin');
    const all = (await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[];
    expect(all.some((wo) => wo.notes.some((note) => note.text === 'Written offline, after the token expired'))).toBe(true);
    await context.close();
  });
});
