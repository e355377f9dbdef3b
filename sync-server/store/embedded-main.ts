import { loadConfig } from '../config';
import { startEmbeddedCouch } from './embedded-couch';

/**
 * Runs only the embedded CouchDB-compatible store, so several server processes can share it
 * (COUCHDB_URL=<printed url>), as they would share CouchDB 3 in production.
 */
const config = loadConfig();
const port = Number(process.env.STORE_PORT ?? 5984);
const couch = await startEmbeddedCouch(config.DATA_DIR, port);
process.stdout.write(`embedded store listening on ${couch.url} (data in ${config.DATA_DIR})\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void couch.close().then(() => process.exit(0)));
}
