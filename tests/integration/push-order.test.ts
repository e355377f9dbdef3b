import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { filter, firstValueFrom } from 'rxjs';
import type { Asset, Attachment, Comment, SlaPolicy, Ticket } from '@shared/schemas';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { saveDocument } from '@app/db/writes';
import { buildFaultTicket, saveFaultReport } from '@app/features/assets/report-fault';
import { buildComment } from '@app/features/work-orders/work-order-actions';
import { ApiClient } from '@app/sync/api-client';
import { ChangeStream } from '@app/sync/change-stream';
import { startReplications, type CollectionReplication } from '@app/sync/replication';
import { loginAs } from '../helpers/api-client';
import { TINY_PNG_BASE64 } from '../helpers/factories';
import { pullAll } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * Each collection replicates on its own; a photo or comment on a ticket made offline must still
 * reach the server after its ticket, not be refused and retried after a backoff (app/sync/push-order.ts).
 */
let server: TestServer;
let db: AppDatabase;
let stream: ChangeStream;
let api: ApiClient;
const replications: CollectionReplication[] = [];
const errors: unknown[] = [];
/** Push requests in the order they were sent and answered, as `sent tickets`, `answered tickets 200`. */
const pushLog: string[] = [];

function recordPushOrder() {
  const send = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const collection = /\/api\/sync\/(\w+)\/push/.exec(String(input instanceof Request ? input.url : input))?.[1];
    if (collection) pushLog.push(`sent ${collection}`);
    const response = await send(input, init);
    if (collection) pushLog.push(`answered ${collection} ${response.status}`);
    return response;
  });
}

function replicate(collections: Parameters<typeof startReplications>[4]): CollectionReplication[] {
  const started = startReplications(db, api, stream, 'user-site1', collections);
  for (const replication of started) replication.error$.subscribe((error) => errors.push(error));
  replications.push(...started);
  return started;
}

beforeAll(async () => {
  recordPushOrder();
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.login('site1', 'demo1234');
  db = await openDatabase('push-order-test', { indexedDB: { indexedDB, IDBKeyRange }, validate: true });
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

describe('pushes follow references across collections', () => {
  it('a fault report’s photo and comment made offline reach the server after their ticket, with no refusal', async () => {
    const asset = (await db.assets.findOne({ selector: { tag: 'AST-LON-0007' } }).exec())?.toMutableJSON() as Asset | undefined;
    if (!asset) throw new Error('site1 has no AST-LON-0007');
    const policies = (await db.slaPolicies.find().exec()).map((doc) => doc.toMutableJSON() as SlaPolicy);
    const ticket = buildFaultTicket({ asset, input: { category: 'hvac', priority: 'high', description: 'Fan rattles' }, reporter: { id: 'user-site1' }, policies, now: new Date() });
    await saveFaultReport(db, ticket, { contentType: 'image/png', size: 68, base64: TINY_PNG_BASE64 }, 'user-site1');
    await saveDocument(db, 'comments', buildComment(ticket.id, 'Isolated at the breaker', { id: 'user-site1' }, new Date()));

    // The children's replications start first and are busy before the ticket's even exists.
    const children = replicate(['attachments', 'comments']);
    await Promise.all(children.map((replication) => firstValueFrom(replication.active$.pipe(filter(Boolean)))));
    replicate(['tickets']);

    await vi.waitFor(async () => expect(await db.outbox.count().exec()).toBe(0), { timeout: 20_000, interval: 50 });
    expect(errors).toEqual([]);
    const ticketAnswered = pushLog.indexOf('answered tickets 200');
    expect(ticketAnswered).toBeGreaterThanOrEqual(0);
    expect(pushLog.indexOf('sent attachments')).toBeGreaterThan(ticketAnswered);
    expect(pushLog.indexOf('sent comments')).toBeGreaterThan(ticketAnswered);

    const admin = await loginAs(server.url, 'admin');
    const onServer = (await pullAll(admin, 'tickets', 1000)).documents as Ticket[];
    expect(onServer.find((doc) => doc.id === ticket.id)?.number).toMatch(/^TCK-\d{6}$/);
    expect(((await pullAll(admin, 'attachments', 100)).documents as Attachment[]).filter((doc) => doc.ownerId === ticket.id)).toHaveLength(1);
    expect(((await pullAll(admin, 'comments', 1000)).documents as Comment[]).filter((doc) => doc.ticketId === ticket.id)).toHaveLength(1);
  });
});
