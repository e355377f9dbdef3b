import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@server/config';
import { createLogger } from '@server/logger';
import { Store } from '@server/store/store';
import type { Cleanup } from '../cleanup';
import { type BenchData, seedBenchData } from './bench-data';
import { type NodeProcess, startNodeProcess } from './processes';

export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-42';
export const BENCH_PASSWORD = 'demo1234';

export type Stack = {
  couchUrl: string;
  apiUrl: string;
  server: NodeProcess;
  /** The embedded store's own process. */
  storePid: number;
  store: Store;
  data: BenchData;
  dataDir: string;
  /** Starts the server again (e.g. with --cpu-prof); the store and its data stay. */
  restartServer: (nodeArgs?: string[]) => Promise<void>;
};

/**
 * The system under test as it runs in production, one OS process per part: the embedded store
 * (`npm run store`), the sync server (`npm start` without the build step) pointed at it, and the
 * bench data written through the server's own store module. Everything lands in a temp folder
 * that is removed on cleanup.
 */
export async function startStack(cleanup: Cleanup, options: { seed: number; syncDocs: number; log: (line: string) => void }): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-bench-'));
  cleanup.add('bench data folder', async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const couch = await startNodeProcess({
    script: 'sync-server/store/embedded-main.ts',
    env: { DATA_DIR: dataDir, STORE_PORT: '0' },
    ready: /listening on (http:\/\/[\d.:]+)/,
  });
  cleanup.add('embedded store', couch.stop);
  const env = {
    DATA_DIR: dataDir, COUCHDB_URL: couch.ready, JWT_SECRET: BENCH_JWT_SECRET, DEMO_PASSWORD: BENCH_PASSWORD,
    SEED_DEMO: 'true', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', STREAM_HEARTBEAT_MS: '15000', NODE_ENV: 'production',
    APP_DIST: path.resolve(import.meta.dirname, '../../app/dist'),
  };
  const config = loadConfig(env);
  const logger = createLogger('warn');
  const store = new Store(couch.ready, config.DB_PREFIX, logger);
  await store.init();
  cleanup.add('store client', async () => store.close());
  const started = performance.now();
  const data = await seedBenchData({ config, store, logger }, options.seed, options.syncDocs);
  options.log(`seeded ${data.workOrders.length} work orders for eng1 (mean ${data.meanDocBytes} bytes of JSON) in ${Math.round(performance.now() - started)} ms`);
  const startServer = async (nodeArgs: string[] = []) => {
    // BENCH_SERVER_LOG=<file>: the server's request log (info level, with response times) for finding where time goes.
    const logFile = process.env.BENCH_SERVER_LOG;
    const server = await startNodeProcess({
      // --expose-gc: the propagation section collects garbage before reading RSS (SIGUSR2, sync-server/main.ts).
      script: 'sync-server/main.ts', env: { ...env, ...(logFile ? { LOG_LEVEL: 'info' } : {}) }, nodeArgs: ['--expose-gc', ...serverNodeFlags(), ...nodeArgs], ready: /running at (http:\/\/[\d.:]+)/,
      onLine: logFile ? (line) => fs.appendFileSync(logFile, `${line}\n`) : undefined,
    });
    await waitForWarmServer(server.ready);
    return server;
  };
  const stack: Stack = { couchUrl: couch.ready, apiUrl: '', server: await startServer(), storePid: couch.pid, store, data, dataDir, restartServer: async () => undefined };
  stack.apiUrl = stack.server.ready;
  cleanup.add('sync server', () => stack.server.stop());
  stack.restartServer = async (nodeArgs?: string[]) => {
    await stack.server.stop();
    stack.server = await startServer(nodeArgs);
    stack.apiUrl = stack.server.ready;
  };
  return stack;
}

/** The Node flags package.json's `serve` script (what `npm start` and the Docker image run) gives the server. */
function serverNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
  return (pkg.scripts.serve ?? '').split(/\s+/).filter((token) => token.startsWith('--'));
}

/**
 * A deployed server runs for days: measure it warm. Its pull caches load the changes feeds right
 * after start (pulls read the store directly until then), so wait until /api/health says so.
 */
async function waitForWarmServer(apiUrl: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${apiUrl}/api/health`)).json()) as { pullCache?: { loading: number } };
    if ((health.pullCache?.loading ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the sync server did not load its pull caches within 2 minutes');
}
