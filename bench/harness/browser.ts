import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/browser';
import type { Cleanup } from '../cleanup';

export type ProfileOptions = { baseURL: string; phone?: boolean };

/**
 * Runs `task` in headless Chromium with a brand-new on-disk profile (a persistent context in a
 * fresh temp folder), so IndexedDB lives on disk as on a device, not in an incognito context's
 * memory. The browser and the folder are gone when it returns, even when the task throws.
 */
export async function withFreshProfile<T>(cleanup: Cleanup, options: ProfileOptions, task: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-bench-profile-'));
  const mark = cleanup.mark();
  cleanup.add('profile folder', async () => fs.rmSync(userDataDir, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: options.baseURL,
    serviceWorkers: 'allow',
    ...(options.phone ? { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } }),
  });
  cleanup.add('chromium', () => context.close());
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
    return await task(page, context);
  } finally {
    await cleanup.stopSince(mark);
  }
}

/** Opens one of the bundled bench pages and waits until its `window.bench` is there. */
export async function openBenchPage(page: Page, name: string): Promise<void> {
  await page.goto(`/bench/${name}.html`);
  await page.waitForFunction(() => 'bench' in window);
}

export async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}
