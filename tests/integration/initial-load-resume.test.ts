import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RxCollection } from 'rxdb';
import type { Asset, SlaPolicy } from '@shared/schemas';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { PullResponse } from '@shared/sync/protocol';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { buildFaultTicket, saveFaultReport } from '@app/features/assets/report-fault';
import { ApiClient } from '@app/sync/api-client';
import { ChangeStream } from '@app/sync/change-stream';
import { loadInitially } from '@app/sync/initial-load';
import { startReplications, type ClientCheckpoint, type CollectionReplication } from '@app/sync/replication';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * The initial load writes the server's documents without RxDB's replication meta, and RxDB's
 * upstream would push any of them it reads back to the server. Against the real server: a load cut
 * short between a page and its saved progress, or overtaken by a user's write, sends back nothing
 * but the user's own write.
 */
let server: TestServer;
let db: AppDatabase;
let stream: ChangeStream;
let api: ApiClient;
const replications: CollectionReplication[] = [];
const errors: unknown[] = [];
/** The ids of every pushed row, by collection. */
const pushed: Record<string, string[]> = {};

function recordPushes() {
  const send = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const collection = /\/api\/sync\/(\w+)\/push/.exec(String(input instanceof Request ? input.url : input))?.[1];
    if (collection && typeof init?.body === 'string') {
      const rows = JSON.parse(init.body) as { newDocumentState: { id: string } }[];
      (pushed[collection] ??= []).push(...rows.map((row) => row.newDocumentState.id));
    }
    return send(input, init);
  });
}

function replicate(collections: CollectionName[]): CollectionReplication[] {
  const started = startReplications(db, api, stream, 'user-site1', collections);
  for (const replication of started) replication.error$.subscribe((error) => errors.push(error));
  replications.push(...started);
  return started;
}

async function replicateUntilInSync(collection: CollectionName): Promise<void> {
  const [replication] = replicate([collection]);
  await replication?.awaitInitialReplication();
  await replication?.awaitInSync();
}

/** The app's page fetch, `onPage` running as page `index` is answered. */
function pagesFrom(collection: CollectionName, onPage: (index: number) => Promise<void> = async () => {}) {
  let index = 0;
  return async (checkpoint: ClientCheckpoint | undefined, limit: number) => {
    const page = await api.request<PullResponse>(`/api/sync/${collection}/pull?limit=${limit}${checkpoint ? `&checkpoint=${checkpoint.value}` : ''}`);
    await onPage(index++);
    return { documents: page.documents, checkpoint: page.checkpoint ? { value: page.checkpoint } : checkpoint };
  };
}

const identifierOf = (collection: CollectionName) => `fs-sync-v1-user-site1-${collection}`;

beforeAll(async () => {
  recordPushes();
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.login('site1', 'demo1234');
  db = await openDatabase('initial-load-resume-test', { indexedDB: { indexedDB, IDBKeyRange }, validate: true });
  stream = new ChangeStream(api);
  stream.start();
  const reference = replicate(['sites', 'assets', 'slaPolicies', 'categories']);
  await Promise.all(reference.map((replication) => replication.awaitInitialReplication()));
});

afterAll(async () => {
  stream?.stop();
  await Promise.all(replications.map((replication) => replication.cancel()));
  await db?.remove();
  await server?.stop();
});

describe('a resumed initial load', () => {
  it('sends nothing back when the tab went away after a page was stored and before its progress was', async () => {
    // Every progress save once documents are stored fails, as if the tab closed right there.
    const saveProgress = db.upsertLocal.bind(db);
    const spy = vi.spyOn(db, 'upsertLocal').mockImplementation(async (id: string, data: unknown) => {
      if ((await db.users.count().exec()) > 0) throw new Error('the tab went away');
      return saveProgress(id, data as never) as never;
    });
    await loadInitially(db.users as unknown as RxCollection<AnyDoc>, identifierOf('users'), pagesFrom('users'), 1000);
    spy.mockRestore();
    const loaded = await db.users.count().exec();
    expect(loaded).toBeGreaterThan(0);

    await replicateUntilInSync('users');
    expect(pushed.users).toBeUndefined();
    expect(errors).toEqual([]);
    expect(await db.users.count().exec()).toBe(loaded);
  });

  it('pushes only the user’s own write when it came in the middle of the load', async () => {
    const asset = (await db.assets.findOne({ selector: { tag: 'AST-LON-0007' } }).exec())?.toMutableJSON() as Asset | undefined;
    if (!asset) throw new Error('site1 has no AST-LON-0007');
    const policies = (await db.slaPolicies.find().exec()).map((doc) => doc.toMutableJSON() as SlaPolicy);
    const ticket = buildFaultTicket({ asset, input: { category: 'hvac', priority: 'high', description: 'Fan rattles' }, reporter: { id: 'user-site1' }, policies, now: new Date() });
    const reportDuringSecondPage = async (index: number) => {
      if (index === 1) await saveFaultReport(db, ticket, undefined, 'user-site1');
    };
    // Pages of 4 tickets: the report is stored between the first page and the second.
    await loadInitially(db.tickets as unknown as RxCollection<AnyDoc>, identifierOf('tickets'), pagesFrom('tickets', reportDuringSecondPage), 4);
    expect(await db.tickets.count().exec()).toBeGreaterThan(5);

    await replicateUntilInSync('tickets');
    expect(pushed.tickets).toEqual([ticket.id]);
    expect(errors).toEqual([]);
    expect(await db.outbox.count().exec()).toBe(0);
  });
});
