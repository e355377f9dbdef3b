import type { Browser } from 'playwright-core';
import { newPhoneContext, waitForServiceWorkerControl } from '../browser';
import { LoginPage } from './login-page';
import { SyncStatus } from './sync-status';

/**
 * An engineer signed in on a phone with everything synced and the service worker in control:
 * ready to go offline. `openJob` is their first open job's row on Today (the demo day is built
 * around the clock, so the first row may already be done, and a finished job takes no notes).
 */
export async function engineerReadyToGoOffline(browser: Browser, baseURL: string, username: string) {
  const context = await newPhoneContext(browser, baseURL);
  const page = await context.newPage();
  await new LoginPage(page).signIn(username);
  const sync = new SyncStatus(page);
  await sync.waitForState('live');
  await sync.waitForCaughtUp();
  const openJob = page.locator('[data-testid="wo-row"]:not([data-status="completed"]):not([data-status="cancelled"])').first();
  await openJob.waitFor();
  await waitForServiceWorkerControl(page);
  return { context, page, sync, openJob };
}
