import type { Browser, BrowserContext } from 'playwright-core';
import { newDesktopContext, newPhoneContext, waitForServiceWorkerControl } from '../browser';
import { LoginPage } from './login-page';
import { SyncStatus } from './sync-status';

/** Signs in with everything synced and the service worker in control: ready to go offline. */
async function signInReadyToGoOffline(context: BrowserContext, username: string) {
  const page = await context.newPage();
  await new LoginPage(page).signIn(username);
  const sync = new SyncStatus(page);
  await sync.waitForState('live');
  await sync.waitForCaughtUp();
  await waitForServiceWorkerControl(page);
  return { context, page, sync };
}

/**
 * An engineer signed in on a phone, ready to go offline. `openJob` is their first open job's row
 * on Today (the demo day is built around the clock, so the first row may already be done, and a
 * finished job takes no notes).
 */
export async function engineerReadyToGoOffline(browser: Browser, baseURL: string, username: string) {
  const signedIn = await signInReadyToGoOffline(await newPhoneContext(browser, baseURL), username);
  const openJob = signedIn.page.locator('[data-testid="wo-row"]:not([data-status="completed"]):not([data-status="cancelled"])').first();
  await openJob.waitFor();
  return { ...signedIn, openJob };
}

/** A dispatcher or an admin signed in at a desktop browser, ready to go offline. */
export async function deskReadyToGoOffline(browser: Browser, baseURL: string, username: string) {
  return signInReadyToGoOffline(await newDesktopContext(browser, baseURL), username);
}
