import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '@shared/schemas/work-order';
import { outboxId, pendingEntry } from '@app/db/outbox';
import { saveDocument } from '@app/db/writes';
import { startTestDevice, stopTestDevice, until, type TestDevice } from '../helpers/test-device';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let device: TestDevice | undefined;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopTestDevice(device);
  await server?.stop();
});

describe('an outbox entry left behind by a missed settling step', () => {
  it('is cleared even while short syncs keep the replication from ever being quiet for long', async () => {
    device = await startTestDevice(server.url, { username: 'dispatch1', userId: 'user-dispatch1', databaseName: 'outbox-sweep-busy', collections: ['workOrders'] });
    const db = device.db;
    const [first] = await db.workOrders.find({ limit: 1 }).exec();
    if (!first) throw new Error('no work orders pulled');
    // One pushed edit: RxDB then holds its account of the server's version (the check compares with it).
    const saved = await saveDocument(db, 'workOrders', { ...(first.toJSON() as WorkOrder), _deleted: false, resolution: 'Checked by the sweep test' });
    await until(async () => (await db.outbox.findOne(outboxId('workOrders', saved.id)).exec()) === null);

    // The entry a missed step would leave: an older stamp, for a document the server holds as stored.
    await db.outbox.insert(pendingEntry('workOrders', saved.id, '2026-01-01T00:00:00.000Z'));
    // A busy stream: a sync every 60 ms, as the convergence test's polling did on a loaded machine.
    const replication = device.replications[0];
    const busy = setInterval(() => replication?.reSync(), 60);
    try {
      await until(async () => (await db.outbox.findOne(outboxId('workOrders', saved.id)).exec()) === null, 15_000);
    } finally {
      clearInterval(busy);
    }
    expect(await db.outbox.count().exec()).toBe(0);
  });
});
