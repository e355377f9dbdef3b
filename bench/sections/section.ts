import type { BenchRow } from '../bench-row';
import type { Cleanup } from '../cleanup';
import type { BenchConfig } from '../config';
import type { BenchOrigin } from '../harness/bench-origin';
import type { Stack } from '../harness/stack';

/** What every section gets: settings, a log, and the shared parts, started on first use. */
export type SectionContext = {
  config: BenchConfig;
  cleanup: Cleanup;
  log: (line: string) => void;
  /** Store + seeded data + sync server, one per bench run. */
  stack: () => Promise<Stack>;
  /** The same-origin page server for in-browser contenders (bundled on first use). */
  origin: () => Promise<BenchOrigin>;
  /** Milliseconds left of the whole run's 10-minute budget. */
  timeLeftMs: () => number;
  /** Extra facts for docs/benchmarks.md "Findings" (profiles, where the time goes). */
  note: (finding: string) => void;
};

export type Section = {
  id: string;
  title: string;
  run: (context: SectionContext) => Promise<BenchRow[]>;
};
