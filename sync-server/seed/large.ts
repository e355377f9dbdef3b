import type { CollectionName } from '@shared/schemas/collections';
import type { Store } from '../store/store';
import { allocateNumbers } from './allocate-numbers';
import { siteId } from './demo-reference';
import { generateLargeData, LARGE_COUNTS, type LargeCounts, type LargeData, largeWorkOrderId } from './large-data';
import { insertMissing, withAcl } from './write-docs';

export { buildLargeAssets, buildLargeEngineers, generateLargeData, LARGE_COUNTS, largeIdPrefix, largeWorkOrderId } from './large-data';
export type { LargeCounts, LargeData, LargeOptions } from './large-data';

export type LargeProgress = (collection: CollectionName, written: number, total: number) => void;
export type LargeSeedResult =
  | { skipped: true; reason: string }
  | { skipped: false; counts: Record<keyof LargeData, number>; written: number; timings: { numbersMs: number; generateMs: number; writeMs: number } };

/**
 * Write the large benchmark set into a store that already has the demo reference data (sites, SLA
 * policies, categories, demo accounts). Ticket and work-order numbers come from the live counter.
 * Writes are insert-if-missing in batches, so an interrupted run can simply be started again.
 */
export async function seedLargeData(
  store: Store,
  options: { seed: number; base: Date; counts?: LargeCounts; onProgress?: LargeProgress },
): Promise<LargeSeedResult> {
  const counts = options.counts ?? LARGE_COUNTS;
  const lastWorkOrder = largeWorkOrderId(options.seed, counts.workOrders - 1);
  if (await store.get('workOrders', lastWorkOrder)) {
    return { skipped: true, reason: `the set for seed ${options.seed} is already stored (found ${lastWorkOrder})` };
  }
  if (!(await store.get('sites', siteId('lon')))) {
    return { skipped: true, reason: 'the large set builds on the demo sites: start the server once with SEED_DEMO=true first' };
  }
  const timer = stopwatch();
  const number = await allocateNumbers(store, { TCK: counts.tickets, WO: counts.workOrders });
  const numbersMs = timer.lap();
  const data = generateLargeData({ seed: options.seed, base: options.base, counts, number });
  const generateMs = timer.lap();
  const written = await writeLargeData(store, data, options.onProgress);
  const writeMs = timer.lap();
  const sizes = { users: data.users.length, assets: data.assets.length, tickets: data.tickets.length, workOrders: data.workOrders.length };
  return { skipped: false, counts: sizes, written, timings: { numbersMs, generateMs, writeMs } };
}

async function writeLargeData(store: Store, data: LargeData, onProgress?: LargeProgress): Promise<number> {
  let written = 0;
  const order = ['users', 'assets', 'tickets', 'workOrders'] as const;
  for (const collection of order) {
    const docs = data[collection];
    written += await insertMissing(store, collection, withAcl(collection, docs), (done) => onProgress?.(collection, done, docs.length));
  }
  return written;
}

function stopwatch() {
  let last = performance.now();
  return {
    lap(): number {
      const now = performance.now();
      const elapsed = Math.round(now - last);
      last = now;
      return elapsed;
    },
  };
}
