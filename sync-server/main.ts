import { loadConfig } from './config';
import { DEMO_USERNAMES } from './seed/demo-accounts';
import { startServer } from './server';

const config = loadConfig();
const server = await startServer(config);
const logins = config.SEED_DEMO ? `\nDemo logins (password: ${config.usesDevDemoPassword ? config.DEMO_PASSWORD : '$DEMO_PASSWORD'}): ${DEMO_USERNAMES.join(', ')}` : '';
process.stdout.write(
  `\nField Service is running at ${server.url}\n` +
    `Store: ${config.COUCHDB_URL ? 'CouchDB at COUCHDB_URL' : `embedded (${config.DATA_DIR})`}${logins}\n\n`,
);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

// Memory measurements (npm run bench) start the server with --expose-gc and send SIGUSR2 before each
// RSS reading, so garbage not yet collected does not move the figure by megabytes.
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (collectGarbage) process.on('SIGUSR2', () => collectGarbage());
