import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { apiAs, insertWorld, PEOPLE } from '../helpers/replication-world';
import { pullAll, pushRows, StreamReader } from '../helpers/sync-client';
import { TestApi } from '../helpers/api-client';
import { signAccessToken } from '@server/auth/access-token';
import { ACCESS_TOKEN_TTL_SECONDS } from '@shared/sync/auth-protocol';

let server: TestServer;
const secret = 'test-secret-test-secret-test-secret-0123';

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await insertWorld(server.store);
});
afterAll(() => server?.stop());

const changeOf = (id: string) => (event: { kind: string; documents?: { id: string }[] }) =>
  event.kind === 'changes' && (event.documents ?? []).some((doc) => doc.id === id);

describe('live stream', () => {
  it('starts with RESYNC and delivers another client’s change within a second', async () => {
    const engA = apiAs(server.url, PEOPLE.engA, secret);
    const dispatcher = apiAs(server.url, PEOPLE.dispatcher, secret);
    const stream = await StreamReader.open(engA);
    try {
      expect(stream.events[0]).toEqual({ kind: 'RESYNC' });
      const master = (await pullAll(dispatcher, 'workOrders', 1000)).documents.find((doc) => doc.id === 'wo-16') as WorkOrder;
      const started = Date.now();
      await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, scheduledEnd: new Date(Date.parse(master.scheduledEnd) + 3_600_000).toISOString() } }]);
      const event = await stream.waitFor(changeOf('wo-16'), 1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(event).toMatchObject({ kind: 'changes', collection: 'workOrders', checkpoint: expect.any(String) });
    } finally {
      stream.close();
    }
  });

  it('never sends a document outside the user’s scope, and sends a removal when one leaves it', async () => {
    const engA = apiAs(server.url, PEOPLE.engA, secret);
    const dispatcher = apiAs(server.url, PEOPLE.dispatcher, secret);
    const stream = await StreamReader.open(engA);
    try {
      const all = (await pullAll(dispatcher, 'workOrders', 1000)).documents as WorkOrder[];
      const othersWo = all.find((doc) => doc.id === 'wo-17') as WorkOrder;
      const mineWo = all.find((doc) => doc.id === 'wo-18') as WorkOrder;
      await pushRows(dispatcher, 'workOrders', [
        { assumedMasterState: othersWo, newDocumentState: { ...othersWo, kind: 'inspection' } },
        { assumedMasterState: mineWo, newDocumentState: { ...mineWo, assigneeId: PEOPLE.engB.id } },
      ]);
      const removal = await stream.waitFor(changeOf('wo-18'));
      expect(removal).toMatchObject({ documents: [expect.objectContaining({ id: 'wo-18', _deleted: true })] });
      expect(stream.events.some(changeOf('wo-17'))).toBe(false);
    } finally {
      stream.close();
    }
  });

  it('ends when the access token it was opened with expires, and sends nothing after', async () => {
    // A token issued 900 s − 1.5 s ago: it expires 1.5 s from now.
    const issued = new Date(Date.now() - (ACCESS_TOKEN_TTL_SECONDS * 1000 - 1500));
    const stream = await StreamReader.open(new TestApi(server.url, signAccessToken(PEOPLE.engA, secret, issued)));
    try {
      const outcome = await Promise.race([stream.ended.then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000))]);
      expect(outcome).toBe('ended');
      const dispatcher = apiAs(server.url, PEOPLE.dispatcher, secret);
      const master = (await pullAll(dispatcher, 'workOrders', 1000)).documents.find((doc) => doc.id === 'wo-20') as WorkOrder;
      await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: master, newDocumentState: { ...master, kind: 'inspection' } }]);
      await expect(stream.waitFor(changeOf('wo-20'), 500)).rejects.toThrow(/no matching stream event/);
    } finally {
      stream.close();
    }
  });

  it('sends heartbeats on an idle stream, and RESYNC again after a reconnect', async () => {
    const engB = apiAs(server.url, PEOPLE.engB, secret);
    const first = await StreamReader.open(engB);
    await new Promise<void>((resolve) => {
      const check = setInterval(() => first.heartbeats.length > 0 && (clearInterval(check), resolve()), 50);
    });
    first.close();
    const second = await StreamReader.open(engB);
    expect(second.events[0]).toEqual({ kind: 'RESYNC' });
    second.close();
  });
});
