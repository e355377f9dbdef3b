import type { Page } from 'playwright-core';

/** What to watch for: the first element matching `selector` (and containing `text`, if given). */
export type Watched = Record<string, { selector: string; text?: string }>;
type SeenWindow = { __firstSeen?: Record<string, number> };

/**
 * Records, in the page and on its clock, when each watched element first enters the DOM (a
 * MutationObserver installed before any page script, on every navigation). Playwright's own
 * waiting retries after 0, 20, 50, 100, 100 ms and then every 500 ms, so the time it returns is
 * up to half a second late: too coarse for a one-second target.
 */
export async function watchFirstSeen(page: Page, watched: Watched): Promise<void> {
  await page.addInitScript((targets: Watched) => {
    const seen: Record<string, number> = {};
    (window as SeenWindow).__firstSeen = seen;
    // No named inner functions: the bench's TypeScript loader would wrap them in a helper the page lacks.
    new MutationObserver((_, observer) => {
      for (const [name, { selector, text }] of Object.entries(targets)) {
        if (seen[name] !== undefined) continue;
        const found = [...document.querySelectorAll(selector)].some((element) => text === undefined || (element.textContent ?? '').includes(text));
        if (found) seen[name] = performance.now();
      }
      // Everything seen: stop adding work to the page being measured.
      if (Object.keys(targets).every((name) => seen[name] !== undefined)) observer.disconnect();
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, watched);
}

/** When `name` was first seen, in ms on the page's clock (waits until it has been). */
export async function firstSeen(page: Page, name: string): Promise<number> {
  const handle = await page.waitForFunction((key) => (window as SeenWindow).__firstSeen?.[key], name);
  return (await handle.jsonValue()) as number;
}

/** When the response to a request whose URL ends with `suffix` finished, on the page's clock. */
export function responseEndOf(page: Page, suffix: string): Promise<number> {
  return page.evaluate((end) => {
    const entry = performance.getEntriesByType('resource').find((resource) => resource.name.endsWith(end)) as PerformanceResourceTiming | undefined;
    if (!entry) throw new Error(`no request ending with ${end} in this page`);
    return entry.responseEnd;
  }, suffix);
}
