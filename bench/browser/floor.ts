import Dexie from 'dexie';
import type { FloorPage } from './page-api';

/**
 * The floor: what any IndexedDB sync must at least pay — one fetch of all the documents as JSON
 * and one Dexie bulkPut into a table keyed by id (optionally with the app's four query indexes).
 */
async function fetchAndStore({ url, indexes }: { url: string; indexes: boolean }) {
  const started = performance.now();
  const db = new Dexie(`bench-floor-${indexes ? 'indexed' : 'plain'}-${Date.now()}`);
  db.version(1).stores({ workOrders: indexes ? 'id, assigneeId, scheduledStart, siteId, status' : 'id' });
  await db.open();
  const docs = (await (await fetch(url)).json()) as { id: string }[];
  await db.table('workOrders').bulkPut(docs);
  const ms = performance.now() - started;
  const count = await db.table('workOrders').count();
  db.close();
  return { ms, docs: count };
}

window.bench = { fetchAndStore } satisfies FloorPage;
