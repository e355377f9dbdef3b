import path from 'node:path';
import { type Clock, systemClock } from '@server/clock';
import { loadConfig } from '@server/config';
import { createLogger } from '@server/logger';
import { type RunningServer, startServer } from '@server/server';
import { makeStoreDir } from './test-dirs';

export type TestServer = RunningServer & { dataDir: string; stop: () => Promise<void> };

/**
 * A real server on a real embedded store in a fresh temp folder, on a free port.
 * `seed: false` starts with empty collections (no demo data, no accounts).
 */
export async function startTestServer(
  options: { seed?: boolean; env?: Record<string, string>; clock?: Clock; couchUrl?: string } = {},
): Promise<TestServer> {
  const dataDir = makeStoreDir('server');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    DEMO_PASSWORD: 'demo1234',
    SEED_DEMO: String(options.seed ?? true),
    LOG_LEVEL: 'silent',
    APP_DIST: path.join(dataDir, 'no-dist'),
    STREAM_HEARTBEAT_MS: '1000',
    // The SLA checker writes in the background; tests that exercise it turn it on.
    SLA_CHECK_INTERVAL_MS: '0',
    ...(options.couchUrl ? { COUCHDB_URL: options.couchUrl } : {}),
    ...options.env,
  });
  const server = await startServer(config, { clock: options.clock ?? systemClock, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  return {
    ...server,
    dataDir,
    // The folder stays until the run ends (tests/helpers/temp-root.global-setup.ts).
    stop: () => server.close(),
  };
}
