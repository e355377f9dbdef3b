import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-node';

export type EmbeddedCouch = { url: string; close: () => Promise<void> };

/**
 * A CouchDB-compatible HTTP server (express-pouchdb on PouchDB/LevelDB) bound to 127.0.0.1 only,
 * so the server talks to it through nano exactly as it would to CouchDB 3.
 * LevelDB locks its folder: one embedded store per DATA_DIR; other processes use its URL.
 */
export async function startEmbeddedCouch(dataDir: string, port = 0): Promise<EmbeddedCouch> {
  const dbDir = path.join(dataDir, 'couch');
  // express-pouchdb does not create its folder and fails obscurely when it is missing.
  fs.mkdirSync(dbDir, { recursive: true });
  const LevelPouch = PouchDB.defaults({ prefix: `${dbDir}${path.sep}` });
  const app = expressPouchDB(LevelPouch, {
    mode: 'fullCouchDB',
    // No database here has a validate_doc_update function, yet express-pouchdb's validation part
    // reads every design document once per written document (a 100-document _bulk_docs to tickets
    // read its 3 index design documents 100 times); the server validates with zod before writing.
    overrideMode: { exclude: ['validation'] },
    inMemoryConfig: true,
    logPath: path.join(dataDir, 'embedded-couch.log'),
  });
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', () => {
      const { port: boundPort } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${boundPort}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    // nano's fetch keeps idle connections for ~4 s; Node's server drops them after 5 s. On a loaded
    // machine those timers cross and a request lands on a socket being closed (ECONNRESET). The
    // store outlives its clients' idle timeout by far, so the client always closes first.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    server.on('error', reject);
  });
}
