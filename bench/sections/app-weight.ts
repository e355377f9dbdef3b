import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BenchRow } from '../bench-row';
import { withFreshProfile } from '../harness/browser';
import { ROOT } from '../harness/processes';
import { median } from '../stats';
import { waitForServiceWorkerControl } from '../../tests/e2e/browser';
import { firstSeen, watchFirstSeen } from '../harness/first-seen';
import type { Section, SectionContext } from './section';

const SECTION = 'app weight';
const DIST = path.join(ROOT, 'app', 'dist');
/** An engineer with a demo-sized day (eng1 carries the bench's big data set). */
const OFFLINE_USER = 'eng2';

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file))).length;

/**
 * 6. App weight and start: the JavaScript the first route needs (index.html's entry script and
 * its modulepreloads, gzip as served), the service worker's precache, a cold load online and a
 * reload offline from the service worker, each in a fresh profile.
 */
export const appWeightSection: Section = {
  id: 'weight',
  title: 'App weight and start',
  run: async (context) => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const firstRoute = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1] ?? m[2] ?? '');
    const firstRouteGzip = firstRoute.reduce((sum, file) => sum + gzipSize(file), 0);
    const precached = [...fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1] ?? '');
    const precacheBytes = precached.reduce((sum, file) => sum + fs.statSync(path.join(DIST, file)).size, 0);
    const precacheGzip = precached.reduce((sum, file) => sum + gzipSize(file), 0);
    const { cold, offline } = await measureLoads(context);
    const rows: BenchRow[] = [
      { section: SECTION, measure: `first-route JS, gzip (${firstRoute.length} file${firstRoute.length === 1 ? '' : 's'})`, value: firstRouteGzip / 1024, unit: 'KB', target: { on: 'value', op: '<=', limit: 200, text: '≤ 200 KB' } },
      { section: SECTION, measure: `precache (${precached.length} files)`, value: precacheBytes / 1024, unit: 'KB', note: `${Math.round(precacheGzip / 1024)} KB gzip` },
      { section: SECTION, measure: 'cold load online → sign-in form usable', value: cold, unit: 'ms' },
      { section: SECTION, measure: 'reload offline (service worker) → Today list', value: offline, unit: 'ms', target: { on: 'value', op: '<=', limit: 1000, text: '≤ 1 s' } },
    ];
    return rows;
  },
};

async function measureLoads(context: SectionContext): Promise<{ cold: number; offline: number }> {
  const stack = await context.stack();
  const baseURL = stack.apiUrl.replace('127.0.0.1', 'localhost');
  const cold: number[] = [];
  const offline: number[] = [];
  for (let run = 0; run < context.config.otherRuns; run++) {
    await withFreshProfile(context.cleanup, { baseURL, phone: true }, async (page, browserContext) => {
      await watchFirstSeen(page, { signIn: { selector: 'button[type="submit"]', text: 'Sign in' }, today: { selector: 'h1', text: 'My work orders' } });
      await page.goto('/');
      cold.push(await firstSeen(page, 'signIn'));
      await page.getByLabel('Username').fill(OFFLINE_USER);
      await page.getByLabel('Password').fill('demo1234');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'My work orders' }).waitFor();
      await waitForServiceWorkerControl(page);
      await browserContext.setOffline(true);
      await page.reload();
      offline.push(await firstSeen(page, 'today'));
    });
    context.log(`  run ${run + 1}: cold ${Math.round(cold.at(-1) ?? 0)} ms, offline reload ${Math.round(offline.at(-1) ?? 0)} ms`);
  }
  return { cold: median(cold), offline: median(offline) };
}
