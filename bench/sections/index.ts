import { appWeightSection } from './app-weight';
import { initialSyncSection } from './initial-sync';
import { localQueriesSection } from './local-queries';
import { propagationSection } from './propagation';
import { reconnectDrainSection } from './reconnect-drain';
import type { Section } from './section';
import { slaCheckerSection } from './sla-checker';
import { throughputSection } from './throughput';

/** Every section in the order of the issue; BENCH_SECTIONS picks by id. */
export const SECTIONS: readonly Section[] = [
  initialSyncSection,
  reconnectDrainSection,
  propagationSection,
  throughputSection,
  slaCheckerSection,
  appWeightSection,
  // ▼ LEAD: issue 8's MiniSearch search (app/features/search) gets its row in
  //   sections/local-queries.ts and browser/ours.ts (marked there) — this entry stays as it is.
  localQueriesSection,
];
