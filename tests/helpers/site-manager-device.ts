import type { Asset, SlaPolicy, Ticket } from '@shared/schemas';
import type { CollectionName } from '@shared/schemas/collections';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { buildFaultTicket } from '@app/features/assets/report-fault';
import { ApiClient } from '@app/sync/api-client';
import { ChangeStream } from '@app/sync/change-stream';
import { startReplications, type CollectionReplication } from '@app/sync/replication';
import { startTestServer, type TestServer } from './test-server';

/**
 * The site manager `site1` on a device (fake-indexeddb) against the real server, with the app's own
 * sync modules. Only the reference data a fault report needs replicates from the start; a test
 * starts the other collections itself, in the order it wants. Import 'fake-indexeddb/auto' first.
 */
export type SiteManagerDevice = {
  server: TestServer;
  api: ApiClient;
  db: AppDatabase;
  /** Every replication error, from every collection started. */
  errors: unknown[];
  replicate: (collections: CollectionName[]) => CollectionReplication[];
  /** A fault report on AST-LON-0007, built as the report screen builds it (not saved). */
  faultTicket: () => Promise<Ticket>;
  stop: () => Promise<void>;
};

export const SITE_MANAGER_ID = 'user-site1';

export async function startSiteManagerDevice(databaseName: string): Promise<SiteManagerDevice> {
  const server = await startTestServer();
  const api = new ApiClient(server.url);
  await api.login('site1', 'demo1234');
  const db = await openDatabase(databaseName, { indexedDB: { indexedDB, IDBKeyRange }, validate: true });
  const stream = new ChangeStream(api);
  stream.start();
  const errors: unknown[] = [];
  const replications: CollectionReplication[] = [];
  const replicate = (collections: CollectionName[]) => {
    const started = startReplications(db, api, stream, SITE_MANAGER_ID, collections);
    for (const replication of started) replication.error$.subscribe((error) => errors.push(error));
    replications.push(...started);
    return started;
  };
  const reference = replicate(['sites', 'assets', 'slaPolicies', 'categories']);
  await Promise.all(reference.map((replication) => replication.awaitInitialReplication()));

  const faultTicket = async () => {
    const asset = (await db.assets.findOne({ selector: { tag: 'AST-LON-0007' } }).exec())?.toMutableJSON() as Asset | undefined;
    if (!asset) throw new Error('site1 has no AST-LON-0007');
    const policies = (await db.slaPolicies.find().exec()).map((doc) => doc.toMutableJSON() as SlaPolicy);
    return buildFaultTicket({ asset, input: { category: 'HVAC', priority: 'high', description: 'Fan rattles' }, reporter: { id: SITE_MANAGER_ID }, policies, now: new Date() });
  };

  const stop = async () => {
    stream.stop();
    await Promise.all(replications.map((replication) => replication.cancel()));
    await db.remove();
    await server.stop();
  };
  return { server, api, db, errors, replicate, faultTicket, stop };
}
