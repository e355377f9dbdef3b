import { z } from 'zod';

/**
 * The bench's environment. BENCH_QUICK=1 shrinks every data set for a run of about a minute
 * (figures then are indicative only); BENCH_SECTIONS picks sections by id; BENCH_RUNS sets how
 * many runs each browser measurement takes the median of; BENCH_SEED fixes the generated data.
 */
const EnvSchema = z.object({
  BENCH_QUICK: z.enum(['0', '1', 'true', 'false', '']).default('0').transform((value) => value === '1' || value === 'true'),
  BENCH_SECTIONS: z.string().default('').transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean)),
  BENCH_RUNS: z.coerce.number().int().min(1).max(9).optional(),
  BENCH_SEED: z.coerce.number().int().min(0).max(0xffffffff).default(42),
  BENCH_CONTENDERS: z.string().default('').transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean)),
});

export type BenchConfig = {
  quick: boolean;
  sections: string[];
  /** Runs per initial-sync contender (the table shows the median). */
  runs: number;
  /** Runs of the other browser measurements (drain, first screen, loads): one unless BENCH_RUNS is set, to stay in budget. */
  otherRuns: number;
  seed: number;
  /** Initial-sync contenders to run (label prefixes, e.g. "ours,floor"); empty: all. For development. */
  contenders: string[];
  sizes: BenchSizes;
};

export type BenchSizes = {
  /** Work orders of the one engineer whose initial sync is measured. */
  syncDocs: number;
  drainEdits: number;
  streamClients: number[];
  /** Seconds the writer pushes at its steady rate, per client count. */
  propagationSeconds: number;
  writesPerSecond: number;
  throughputDocs: number;
  queryWorkOrders: number;
  queryAssets: number;
};

const FULL: BenchSizes = {
  syncDocs: 10_000, drainEdits: 1_000, streamClients: [100, 500], propagationSeconds: 10, writesPerSecond: 10,
  throughputDocs: 5_000, queryWorkOrders: 10_000, queryAssets: 20_000,
};
const QUICK: BenchSizes = {
  syncDocs: 2_000, drainEdits: 200, streamClients: [50, 100], propagationSeconds: 4, writesPerSecond: 10,
  throughputDocs: 1_000, queryWorkOrders: 2_000, queryAssets: 4_000,
};

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid bench setting ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const { BENCH_QUICK: quick, BENCH_SECTIONS: sections, BENCH_RUNS, BENCH_SEED: seed, BENCH_CONTENDERS: contenders } = parsed.data;
  return { quick, sections, runs: BENCH_RUNS ?? (quick ? 1 : 5), otherRuns: BENCH_RUNS ?? 1, seed, contenders, sizes: quick ? QUICK : FULL };
}
