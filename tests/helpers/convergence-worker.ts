import 'fake-indexeddb/auto';
import { parentPort, workerData } from 'node:worker_threads';
import { ConvergenceClient } from './convergence-client';
import { runOperations, type RunOptions } from './convergence-ops';

/**
 * One convergence-test device in its own worker thread: RxDB's open-source build allows 13
 * collections per JavaScript realm, and the app's database has 13, so each device needs its own.
 * Commands from the test: run (the random operations), sync (online, wait, report the replica),
 * close.
 */
type WorkerInput = RunOptions & { url: string; username: string; databaseName: string };
const input = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('convergence-worker must run in a worker thread');

const client = await ConvergenceClient.open(input.url, input.username, input.databaseName);
port.postMessage({ kind: 'ready' });
port.on('message', (command: { kind: string }) => {
  handle(command.kind).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

async function handle(kind: string): Promise<unknown> {
  if (kind === 'run') return { kind: 'ran', ...(await runOperations(client, input)) };
  if (kind === 'sync') {
    if (!client.online) await client.goOnline();
    // Bounded: a replication stuck on an error must show up as a divergence, not as a hang.
    const settled = await Promise.race([client.awaitInSync().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000))]);
    if (!settled) await client.reconnect();
    return {
      kind: 'state',
      role: client.principal.role,
      userId: client.principal.id,
      docs: await client.workOrders(),
      outbox: await client.db.outbox.count().exec(),
      pending: await describePending(),
      records: (await client.db.conflicts.find().exec()).map((doc) => doc.toJSON()),
      errors: client.errors.map(describeError),
      settled,
    };
  }
  if (kind === 'close') {
    await client.close();
    return { kind: 'closed' };
  }
  throw new Error(`unknown command ${kind}`);
}

function describeError(error: unknown): string {
  const parameters = (error as { parameters?: { errors?: unknown[] } }).parameters;
  const first = parameters?.errors?.[0];
  return `${String(error).split('\n')[0]} ${first instanceof Error ? first.message : first ? JSON.stringify(first).slice(0, 500) : ''}`;
}

async function describePending(): Promise<unknown[]> {
  const entries = await client.db.outbox.find().exec();
  return Promise.all(
    entries.map(async (entry) => {
      // Deleted ones too, with RxDB's marks: a stuck entry must say whether the push, the merge or the pull left it.
      const [stored] = await client.db.workOrders.storageInstance.findDocumentsById([entry.docId], true);
      const local = stored
        ? { updatedAt: stored.updatedAt, status: stored.status, deleted: stored._deleted, rev: stored._rev.split('-')[0], pulledRev: (stored._meta as { o?: { _rev?: number } }).o?._rev }
        : 'absent';
      return { stamp: entry.stamp, docId: entry.docId, hasBase: Boolean(entry.base), local };
    }),
  );
}
