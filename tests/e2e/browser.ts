import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** A phone: 360×640, touch, geolocation granted at the first demo site. */
export async function newPhoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 640 },
    hasTouch: true,
    isMobile: true,
    serviceWorkers: 'allow',
    permissions: ['geolocation'],
    geolocation: { latitude: 51.5055, longitude: -0.0235, accuracy: 12 },
  });
  return context;
}

export async function newDesktopContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1366, height: 900 }, serviceWorkers: 'allow' });
}

/**
 * Waits until the service worker has precached the shell and controls the page, so lazy route chunks
 * still load once the test takes the network away. clientsClaim makes an activated worker take over
 * the open page without a reload, but a page whose navigation started while the worker was still
 * installing can miss that claim (the claim ran before the page became a client); it is controlled
 * from its next load, as a user's next visit would be.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const claimed = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (claimed) return;
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
