import { Random } from '@server/seed/prng';
import { buildLargeAssets } from '@server/seed/large-data';
import type { BenchRow } from '../bench-row';
import { openBenchPage, withFreshProfile } from '../harness/browser';
import { withBrowserProfile } from '../harness/browser-profile';
import type { Page } from 'playwright-core';
import { oursInPage } from '../harness/contenders';
import { median, percentile } from '../stats';
import type { Asset } from '@shared/schemas/asset';
import type { Section } from './section';

const TARGET = { on: 'value', op: '<=', limit: 20, text: '≤ 20 ms' } as const;
const QUERY_RUNS = 7;

/**
 * 7. Local queries in the browser, on the app's database after a real initial sync: the Today
 * screen's live query until its first list among the engineer's work orders, an asset by tag (the
 * scan screen's lookup) among generated assets inserted locally, and a full-text search. Medians
 * of several fresh queries.
 */
export const localQueriesSection: Section = {
  id: 'queries',
  title: 'Local queries',
  run: async (context) => {
    const stack = await context.stack();
    const origin = await context.origin();
    const assetCount = context.config.sizes.queryAssets;
    const base = new Date();
    const assets = buildLargeAssets({ rng: new Random(context.config.seed), base, number: () => '' }, context.config.seed + 1, assetCount);
    origin.setJson('/bench/assets.json', JSON.stringify(assets));
    const rng = new Random(context.config.seed + 2);
    const tags = Array.from({ length: QUERY_RUNS }, () => rng.pick(assets).tag);
    return withFreshProfile(context.cleanup, { baseURL: origin.url }, async (page) => {
      await openBenchPage(page, 'ours');
      const ours = oursInPage(page);
      await ours.initialSync();
      const today = process.env.BENCH_PROFILE === '1' ? await profiled(page, 'today-query', () => ours.queryToday(QUERY_RUNS)) : await ours.queryToday(QUERY_RUNS);
      const inserted = await ours.insertAssets('/bench/assets.json');
      const byTag = await ours.queryAssetByTag(tags);
      const searched = await ours.searchText(searchTerms(assets, rng));
      await ours.close();
      const rows: BenchRow[] = [
        {
          section: 'local queries', measure: `Today screen's query among ${stack.data.workOrders.length.toLocaleString('en-GB')} work orders (index ranges, + grouping)`, value: median(today.ms), unit: 'ms', target: TARGET,
          note: `p95 ${Math.round(percentile(today.ms, 95))} ms (runs, one day each from today: ${today.ms.map(Math.round).join(', ')} ms); ${today.today} today, ${today.earlierOpen} earlier open, ${today.upcoming} upcoming (pages of ${today.pageSizes.today}, ${today.pageSizes.earlierOpen} and ${today.pageSizes.upcoming})`,
        },
        {
          section: 'local queries', measure: `asset by tag among ${inserted.count.toLocaleString('en-GB')} assets`, value: median(byTag.ms), unit: 'ms', target: TARGET,
          note: `${byTag.found}/${tags.length} found (runs: ${byTag.ms.map(Math.round).join(', ')} ms)`,
        },
        {
          section: 'local queries', measure: `full-text search among ${searched.documents.toLocaleString('en-GB')} documents (MiniSearch)`, value: median(searched.ms), unit: 'ms', target: TARGET,
          note: `p95 ${Math.round(percentile(searched.ms, 95))} ms; ${searched.found}/${searched.ms.length} found; index built in ${Math.round(searched.buildMs)} ms`,
        },
      ];
      return rows;
    });
  },
};

/** What a person types: a word of an asset's name, a serial-number prefix, a tag, and a term found nowhere. */
function searchTerms(assets: readonly Asset[], rng: Random): string[] {
  const terms: string[] = ['no-such-thing'];
  for (let index = 0; index < QUERY_RUNS; index++) {
    const asset = rng.pick(assets);
    terms.push(asset.name.split(/\s+/)[0] ?? asset.tag, asset.serialNumber.slice(0, 5) || asset.tag, asset.tag);
  }
  return terms;
}

/** BENCH_PROFILE=1: a query under Chromium's profiler, its top functions printed. */
async function profiled<T>(page: Page, name: string, task: () => Promise<T>): Promise<T> {
  const { result, summary } = await withBrowserProfile(page, name, task);
  console.log(summary.join('\n'));
  return result;
}
