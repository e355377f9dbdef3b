import type { Asset } from '@shared/schemas/asset';
import type { WorkOrder } from '@shared/schemas/work-order';
import { systemClock } from '@server/clock';
import type { Config } from '@server/config';
import type { Logger } from '@server/logger';
import { allocateNumbers } from '@server/seed/allocate-numbers';
import { demoUserId } from '@server/seed/demo-accounts';
import { ensureDemoData } from '@server/seed/demo';
import { generateLargeData } from '@server/seed/large-data';
import { insertMissing, withAcl } from '@server/seed/write-docs';
import type { Store } from '@server/store/store';

/** The engineer whose device the bench fills: every generated work order is assigned to them. */
export const BENCH_ENGINEER = 'eng1';
export const BENCH_ENGINEER_ID = demoUserId(BENCH_ENGINEER);

export type BenchData = { workOrders: WorkOrder[]; assets: Asset[]; meanDocBytes: number };

/**
 * The demo data plus `count` realistic work orders (the large-set generator's, about 1 KB each)
 * all assigned to one engineer, and the few assets they point at. Same seed, same documents.
 */
export async function seedBenchData(deps: { config: Config; store: Store; logger: Logger }, seed: number, count: number): Promise<BenchData> {
  await ensureDemoData({ ...deps, clock: systemClock });
  const number = await allocateNumbers(deps.store, { TCK: 0, WO: count });
  const data = generateLargeData({ seed, base: systemClock.now(), counts: { assets: 200, workOrders: count, tickets: 0 }, number });
  const workOrders = data.workOrders.map((workOrder) => ({ ...workOrder, assigneeId: BENCH_ENGINEER_ID }));
  await insertMissing(deps.store, 'assets', withAcl('assets', data.assets));
  await insertMissing(deps.store, 'workOrders', withAcl('workOrders', workOrders));
  const bytes = workOrders.reduce((sum, doc) => sum + JSON.stringify(doc).length, 0);
  return { workOrders, assets: data.assets, meanDocBytes: Math.round(bytes / Math.max(1, workOrders.length)) };
}
