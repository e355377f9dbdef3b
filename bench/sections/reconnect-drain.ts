import { withFreshProfile, openBenchPage } from '../harness/browser';
import { withBrowserProfile } from '../harness/browser-profile';
import { oursInPage } from '../harness/contenders';
import { median } from '../stats';
import type { Section } from './section';

/**
 * 2. Reconnect drain: after the initial sync, the network goes away, the engineer makes N edits
 * (a note on N work orders), the network comes back; we time until the outbox is empty, i.e.
 * until the server has acknowledged every edit.
 */
export const reconnectDrainSection: Section = {
  id: 'drain',
  title: 'Reconnect drain',
  run: async (context) => {
    await context.stack();
    const origin = await context.origin();
    const edits = context.config.sizes.drainEdits;
    const times: number[] = [];
    for (let run = 0; run < context.config.otherRuns; run++) {
      const ms = await withFreshProfile(context.cleanup, { baseURL: origin.url }, async (page, browserContext) => {
        await openBenchPage(page, 'ours');
        const ours = oursInPage(page);
        await ours.initialSync();
        await browserContext.setOffline(true);
        const { pending } = await ours.editOffline(edits);
        if (pending < edits) throw new Error(`only ${pending} of ${edits} edits are pending`);
        await browserContext.setOffline(false);
        // BENCH_PROFILE=1: the drain under Chromium's profiler (the profile lands in bench/results/).
        const { ms: drained } = process.env.BENCH_PROFILE === '1' ? (await withBrowserProfile(page, 'drain', () => ours.drainOutbox())).result : await ours.drainOutbox();
        await ours.close();
        return drained;
      });
      times.push(ms);
      context.log(`  run ${run + 1}: ${Math.round(ms)} ms`);
    }
    return [{
      section: 'reconnect drain', measure: `${edits.toLocaleString('en-GB')} offline edits → all acknowledged`, value: median(times), unit: 'ms',
      target: { on: 'value', op: '<=', limit: edits >= 1000 ? 3000 : (3000 * edits) / 1000, text: edits >= 1000 ? '≤ 3 s' : `≤ ${(3 * edits) / 1000} s (3 s per 1,000)` },
    }];
  },
};
