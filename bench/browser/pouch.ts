import PouchDB from 'pouchdb-browser';
import type { CouchReplicationPage } from './page-api';

/** PouchDB (IndexedDB adapter) replicating from the store's CouchDB endpoint, as its docs show. */
async function replicate({ dbUrl, batchSize, expected }: { dbUrl: string; batchSize: number; expected: number }) {
  const started = performance.now();
  const local = new PouchDB(`bench-pouch-${batchSize}-${Date.now()}`);
  await PouchDB.replicate(new PouchDB(dbUrl), local, { batch_size: batchSize });
  const ms = performance.now() - started;
  const info = await local.info();
  if (info.doc_count < expected) throw new Error(`PouchDB stored ${info.doc_count} of ${expected} documents`);
  return { ms, docs: info.doc_count };
}

window.bench = { replicate } satisfies CouchReplicationPage;
