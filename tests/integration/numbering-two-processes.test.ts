import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/schemas';
import { createLogger } from '@server/logger';
import { type EmbeddedCouch, startEmbeddedCouch } from '@server/store/embedded-couch';
import { Store } from '@server/store/store';
import { apiAs, buildTicket, insertWorld, PEOPLE } from '../helpers/replication-world';
import { spawnServer, type SpawnedServer } from '../helpers/spawn-server';
import { pullAll, pushRows } from '../helpers/sync-client';

const secret = 'test-secret-test-secret-test-secret-0123';
let dataDir: string;
let couch: EmbeddedCouch;
let servers: SpawnedServer[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-two-'));
  couch = await startEmbeddedCouch(dataDir);
  const store = new Store(couch.url, 'fs_', createLogger('silent'));
  await store.init();
  await insertWorld(store);
  const env = { COUCHDB_URL: couch.url, JWT_SECRET: secret, SEED_DEMO: 'false' };
  servers = await Promise.all([spawnServer(env), spawnServer(env)]);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await couch?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('two server processes on one store', () => {
  it('hand out unique ticket numbers under 200 concurrent creates', async () => {
    const clients = servers.map((server) => apiAs(server.url, PEOPLE.dispatcher, secret));
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) => {
        const ticket = buildTicket({ id: `tck-load-${index}`, siteId: 'site-a', reportedBy: PEOPLE.dispatcher.id });
        return pushRows(clients[index % 2] ?? clients[0]!, 'tickets', [{ newDocumentState: ticket }]);
      }),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(200));
    const tickets = (await pullAll(clients[0]!, 'tickets', 1000)).documents as Ticket[];
    const created = tickets.filter((ticket) => ticket.id.startsWith('tck-load-'));
    expect(created).toHaveLength(200);
    const numbers = created.map((ticket) => ticket.number);
    expect(new Set(numbers).size).toBe(200);
    expect(numbers.every((number) => /^TCK-\d{6}$/.test(number))).toBe(true);
  });

  it('both see each other’s writes', async () => {
    const [a, b] = servers.map((server) => apiAs(server.url, PEOPLE.dispatcher, secret));
    const ticket = buildTicket({ id: 'tck-cross', siteId: 'site-b', reportedBy: PEOPLE.dispatcher.id });
    await pushRows(a!, 'tickets', [{ newDocumentState: ticket }]);
    const seen = (await pullAll(b!, 'tickets', 1000)).documents.map((doc) => doc.id);
    expect(seen).toContain('tck-cross');
  });
});
