import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import { outboxId } from '@app/db/outbox';
import { saveDocument } from '@app/db/writes';
import { newWorkOrder } from '../helpers/convergence-ops';
import { startTestDevice, stopTestDevice, until, type TestDevice } from '../helpers/test-device';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * A push that reaches the server but whose answer is lost on the way back (a connection reset),
 * while the server goes on answering everything else: the stamped version streams in meanwhile.
 * The device must end with the server's number and nothing pending or in conflict, as when the
 * answer arrives.
 */
let server: TestServer;
let device: TestDevice | undefined;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await stopTestDevice(device);
  await server?.stop();
});

describe('a push whose answer is lost while the server answers', () => {
  it('is sent again and settles: the device gets the server’s number, nothing pending, no conflict', async () => {
    device = await startTestDevice(server.url, { username: 'dispatch1', userId: 'user-dispatch1', databaseName: 'lost-answer-online', collections: ['workOrders'] });
    const { db } = device;
    const template = (await db.workOrders.findOne().exec())?.toJSON() as WorkOrder | undefined;
    if (!template) throw new Error('dispatch1 has no work orders');
    let cut = 0;
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await realFetch(input, init);
      // The first push is stored, but its answer never arrives.
      if (String(input).includes('/api/sync/workOrders/push') && cut++ === 0) throw new TypeError('network error: connection reset');
      return response;
    };
    const created = newWorkOrder({ ...template, _deleted: false } as WorkOrder, 'wo-lost-answer-online', template.assigneeId);
    await saveDocument(db, 'workOrders', created);
    await until(async () => /^WO-\d{6,}$/.test((await db.workOrders.findOne(created.id).exec())?.number ?? ''));
    await until(async () => (await db.outbox.findOne(outboxId('workOrders', created.id)).exec()) === null);
    expect(cut).toBeGreaterThanOrEqual(2);
    expect(await db.conflicts.count().exec()).toBe(0);
  });
});
