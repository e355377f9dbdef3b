import { systemClock } from '../clock';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { type EmbeddedCouch, startEmbeddedCouch } from '../store/embedded-couch';
import { Store } from '../store/store';
import { ensureDemoData } from './demo';
import { LARGE_COUNTS, seedLargeData } from './large';

/**
 * `npm run seed:large [-- --seed N]`: the benchmark data set (10k work orders, 20k assets, 10k
 * tickets) in the store from the environment (COUCHDB_URL, else the embedded store in DATA_DIR).
 * The same seed always gives the same set; running it again for a seed already stored does nothing.
 */
const DEFAULT_SEED = 1;

function parseSeed(args: readonly string[]): number {
  const index = args.findIndex((arg) => arg === '--seed' || arg.startsWith('--seed='));
  if (index === -1) return DEFAULT_SEED;
  const arg = args[index] ?? '';
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`--seed must be a whole number from 0 to ${0xffffffff}, got ${raw ?? 'nothing'}`);
  }
  return seed;
}

async function openStore(config: ReturnType<typeof loadConfig>): Promise<{ store: Store; embedded?: EmbeddedCouch }> {
  const logger = createLogger(config.LOG_LEVEL);
  if (config.COUCHDB_URL) {
    const store = new Store(config.COUCHDB_URL, config.DB_PREFIX, logger);
    await store.init();
    return { store };
  }
  // LevelDB locks DATA_DIR: with the server running, use `npm run store` and COUCHDB_URL instead.
  const embedded = await startEmbeddedCouch(config.DATA_DIR);
  const store = new Store(embedded.url, config.DB_PREFIX, logger);
  await store.init();
  return { store, embedded };
}

async function main(): Promise<void> {
  const seed = parseSeed(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const started = performance.now();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Seeding the large set with --seed ${seed}: ${LARGE_COUNTS.workOrders} work orders, ${LARGE_COUNTS.assets} assets, ${LARGE_COUNTS.tickets} tickets`);
  out(`Store: ${config.COUCHDB_URL ? 'CouchDB at COUCHDB_URL' : `embedded (${config.DATA_DIR})`}`);
  const { store, embedded } = await openStore(config);
  try {
    // The large set hangs off the demo sites and accounts (eng1 is the benchmark's engineer).
    if (config.SEED_DEMO) await ensureDemoData({ config, store, logger, clock: systemClock });
    let lastLine = '';
    const result = await seedLargeData(store, {
      seed,
      base: systemClock.now(),
      onProgress: (collection, written, total) => {
        const line = `  ${collection}: ${written}/${total}`;
        if (line !== lastLine) out(line);
        lastLine = line;
      },
    });
    if (result.skipped) out(`Nothing to do: ${result.reason}`);
    else out(`Stored ${JSON.stringify(result.counts)} (numbers ${result.timings.numbersMs} ms, generate ${result.timings.generateMs} ms, write ${result.timings.writeMs} ms)`);
    out(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
  } finally {
    store.close();
    await embedded?.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed:large failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
