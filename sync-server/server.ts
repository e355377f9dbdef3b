import type { Server } from 'node:http';
import { COLLECTION_NAMES, type CollectionName } from '@shared/schemas/collections';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import type { AppDeps } from './app-deps';
import { type Clock, fileClock, systemClock } from './clock';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { CurrentPrincipals } from './auth/current-principals';
import { ensureFirstAdmin } from './auth/first-admin';
import { ensureDemoData } from './seed/demo';
import { parseStoredDoc } from './replication/visibility';
import { startSlaChecker } from './sla/start';
import type { ChangeRow } from './store/changes-watcher';
import { type EmbeddedCouch, startEmbeddedCouch } from './store/embedded-couch';
import { Store } from './store/store';

/** Photos (up to 400 KB each) stay out of memory: their pulls read the store. */
export const CACHED_COLLECTIONS = COLLECTION_NAMES.filter((name) => name !== 'attachments');

export type RunningServer = AppDeps & { url: string; couchUrl: string; close: () => Promise<void> };

/**
 * Start the whole server: the embedded store when COUCHDB_URL is unset (else that CouchDB),
 * databases and indexes, demo data on an empty store, then the HTTP app.
 */
export async function startServer(config: Config, options: { clock?: Clock; logger?: Logger } = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  warnAboutDevDefaults(config, logger);
  const embedded: EmbeddedCouch | undefined = config.COUCHDB_URL ? undefined : await startEmbeddedCouch(config.DATA_DIR);
  const couchUrl = config.COUCHDB_URL ?? embedded?.url ?? '';
  const store = new Store(couchUrl, config.DB_PREFIX, logger);
  await store.init();
  // Documents are parsed as they enter the cache, so even the first pull after a start is served warm.
  const parseRow = (collection: CollectionName, row: ChangeRow) => void parseStoredDoc(collection, row.stored.fields, logger);
  if (config.PULL_CACHE_MAX_DOCS > 0) store.cacheChanges(CACHED_COLLECTIONS, config.PULL_CACHE_MAX_DOCS, parseRow);
  const clock = options.clock ?? (config.TEST_CLOCK_FILE ? fileClock(config.TEST_CLOCK_FILE) : systemClock);
  const principals = new CurrentPrincipals(store, logger);
  const deps: AppDeps = { config, store, logger, clock, principals };
  if (config.SEED_DEMO) await ensureDemoData(deps);
  await ensureFirstAdmin(deps);
  // Before the first request: every token is checked against the users' current access.
  await principals.start();
  const http = await listen(createApp(deps), config.PORT, config.HOST);
  const slaChecker = startSlaChecker(deps);
  const { port } = http.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  return {
    ...deps,
    url: `http://${host}:${port}`,
    couchUrl,
    close: async () => {
      await slaChecker?.stop();
      principals.stop();
      store.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await embedded?.close();
    },
  };
}

/**
 * Idle connections are kept longer than a proxy or load balancer in front keeps its own (60 s is
 * the usual default). With Node's 5 s, a proxy reusing a connection the server is just closing
 * gets a reset and answers 502, which the app reads as "offline" (seen in the bench's proxy).
 */
const KEEP_ALIVE_MS = 65_000;

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    // Above it, so that a reused connection is not cut by the headers timer (60 s by default) first.
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  });
}

function warnAboutDevDefaults(config: Config, logger: Logger) {
  if (config.usesDevSecret) {
    const banner = '!'.repeat(72);
    logger.warn(`\n${banner}\n  JWT_SECRET is not set: using the built-in DEVELOPMENT secret.\n  Anyone can forge access tokens. Set JWT_SECRET (32+ random chars) in production.\n${banner}`);
    if (config.NODE_ENV === 'production') throw new Error('Refusing to start in production with the development JWT_SECRET');
  }
  if (config.NODE_ENV === 'production' && (config.TEST_CLOCK_FILE || config.SLA_TEST_CRASH_AFTER_CLAIMS)) {
    throw new Error('TEST_CLOCK_FILE and SLA_TEST_CRASH_AFTER_CLAIMS are for tests only; refusing to start in production');
  }
  if (config.usesDevDemoPassword && config.SEED_DEMO) {
    logger.warn('DEMO_PASSWORD is not set: demo accounts use the public default password "demo1234".');
  }
}
