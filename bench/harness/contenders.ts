import type { Page } from 'playwright-core';
import type { Cleanup } from '../cleanup';
import type { BenchOrigin } from './bench-origin';
import { BENCH_ENGINEER } from './bench-data';
import { openBenchPage, withFreshProfile } from './browser';
import { withBrowserProfile } from './browser-profile';
import { withBrowserTrace } from './browser-trace';
import { BENCH_PASSWORD } from './stack';
import type { CouchReplicationPage, FloorPage, OursPage, SyncResult } from '../browser/page-api';

/** Node-side wrappers around the in-browser pages: each call is one run in a fresh profile. */
export type Contender = { label: string; run: () => Promise<SyncResult> };

export function oursInPage(page: Page) {
  return {
    initialSync: () => page.evaluate((input) => (window.bench as OursPage).initialSync(input), { username: BENCH_ENGINEER, password: BENCH_PASSWORD }),
    editOffline: (count: number) => page.evaluate((n) => (window.bench as OursPage).editOffline(n), count),
    drainOutbox: () => page.evaluate(() => (window.bench as OursPage).drainOutbox()),
    queryToday: (runs: number) => page.evaluate((n) => (window.bench as OursPage).queryToday(n), runs),
    insertAssets: (url: string) => page.evaluate((u) => (window.bench as OursPage).insertAssets(u), url),
    queryAssetByTag: (tags: string[]) => page.evaluate((t) => (window.bench as OursPage).queryAssetByTag(t), tags),
    searchText: (terms: string[]) => page.evaluate((t) => (window.bench as OursPage).searchText(t), terms),
    close: () => page.evaluate(() => (window.bench as OursPage).close()),
  };
}

export function syncContenders(cleanup: Cleanup, origin: BenchOrigin, options: { expected: number; floorJsonPath: string; couchDb: string }): Contender[] {
  const inPage = <T>(name: string, task: (page: Page) => Promise<T>) => withFreshProfile(cleanup, { baseURL: origin.url }, async (page) => {
    await openBenchPage(page, name);
    return task(page);
  });
  const couch = (batchSize: number, push = false) => (page: Page) =>
    page.evaluate((input) => (window.bench as CouchReplicationPage).replicate(input), { dbUrl: `${origin.url}/couch/${options.couchDb}`, batchSize, expected: options.expected, push });
  const floor = (indexes: boolean) => (page: Page) =>
    page.evaluate((input) => (window.bench as FloorPage).fetchAndStore(input), { url: options.floorJsonPath, indexes });
  return [
    { label: 'ours', run: () => inPage('ours', (page) => observed(page, 'initial-sync-ours', () => oursInPage(page).initialSync(), { profiled: true })) },
    { label: 'floor', run: () => inPage('floor', (page) => observed(page, 'floor', () => floor(false)(page), { profiled: false })) },
    { label: 'floor, 4 indexes', run: () => inPage('floor', floor(true)) },
    { label: 'PouchDB batch 100', run: () => inPage('pouch', couch(100)) },
    { label: 'PouchDB batch 1000', run: () => inPage('pouch', couch(1000)) },
    { label: 'RxDB CouchDB batch 1000', run: () => inPage('rxdb-couch', couch(1000)) },
    { label: 'RxDB CouchDB batch 1000, with push', run: () => inPage('rxdb-couch', couch(1000, true)) },
  ];
}

/**
 * BENCH_PROFILE=1: our initial sync under Chromium's profiler, its top functions printed;
 * BENCH_TRACE=1: ours and the floor's under a Chromium trace, IndexedDB's operations printed.
 */
async function observed(page: Page, name: string, sync: () => Promise<SyncResult>, { profiled }: { profiled: boolean }): Promise<SyncResult> {
  const watch = process.env.BENCH_TRACE === '1' ? withBrowserTrace : process.env.BENCH_PROFILE === '1' && profiled ? withBrowserProfile : undefined;
  if (!watch) return sync();
  const { result, summary } = await watch(page, name, sync);
  console.log(summary.join('\n'));
  return result;
}
