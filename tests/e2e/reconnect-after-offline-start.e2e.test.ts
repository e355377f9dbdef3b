import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import type { WorkOrder } from '@shared/schemas';
import { loginAs } from '../helpers/api-client';
import { StreamReader } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser } from './browser';
import { startE2eServer } from './e2e-server';
import { engineerReadyToGoOffline } from './page-models/ready-to-go-offline';
import { WorkOrderPage } from './page-models/work-order-page';

/** Long enough offline for every backoff to have grown past the time a reconnect may take. */
const OFFLINE_AT_LEAST_MS = 30_000;
/** From the network coming back to the server holding the change: "a second or two", with room for a loaded CI machine (before the fix: 9.5–32 s). */
const PUSHED_WITHIN_MS = 8_000;

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

describe('the app was started offline (from its service worker) and the network comes back', () => {
  it('pushes the change made offline within seconds, however long the device was offline', async () => {
    const { context, page, sync, openJob: row } = await engineerReadyToGoOffline(browser, baseURL, 'eng1');
    // What the server accepts, as it happens: the moment the change arrives, without polling.
    const watcher = await StreamReader.open(await loginAs(server.url, 'dispatch1'));
    const note = `Written after an offline start ${Date.now()}`;

    await context.setOffline(true);
    const offlineAt = Date.now();
    // Started offline: the service worker serves the app, without an access token in memory.
    await page.reload();
    await sync.waitForState('offline');
    await row.click();
    await new WorkOrderPage(page).addNote(note);
    await sync.waitForPending(1);
    // Offline for a while, as an engineer in a basement is: until the app's attempts to reach the
    // server have gone on failing for OFFLINE_AT_LEAST_MS.
    await new Promise<void>((resolve) => {
      const onFailed = (request: Request) => {
        if (!request.url().includes('/api/') || Date.now() - offlineAt < OFFLINE_AT_LEAST_MS) return;
        context.off('requestfailed', onFailed);
        resolve();
      };
      context.on('requestfailed', onFailed);
    });

    await context.setOffline(false);
    const onlineAt = Date.now();
    await watcher.waitFor((event) => event.kind === 'changes' && event.collection === 'workOrders' && event.documents.some((doc) => (doc as WorkOrder).notes.some((n) => n.text === note)), 90_000);
    const pushedAfterMs = Date.now() - onlineAt;
    watcher.close();
    expect(pushedAfterMs, `the change reached the server ${pushedAfterMs} ms after the network came back`).toBeLessThan(PUSHED_WITHIN_MS);
    await sync.waitForPending(0);
    await context.close();
  });
});
