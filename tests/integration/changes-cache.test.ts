import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnyDoc } from '@shared/schemas/collections';
import { createLogger } from '@server/logger';
import { ChangesCache } from '@server/store/changes-cache';
import { databaseName } from '@server/store/couch-docs';
import { type EmbeddedCouch, startEmbeddedCouch } from '@server/store/embedded-couch';
import { type ChangesPage, Store } from '@server/store/store';
import { makeStoreDir } from '../helpers/test-dirs';
import { buildWorkOrder, PEOPLE } from '../helpers/replication-world';

const logger = createLogger('silent');
const acl = { readers: ['role:dispatcher'], formerReaders: [] };
let dataDir: string;
let couch: EmbeddedCouch;
let store: Store;
const caches: ChangesCache[] = [];

function workOrder(index: number): AnyDoc {
  return buildWorkOrder({ id: `wo-cache-${String(index).padStart(4, '0')}`, assigneeId: PEOPLE.engA.id });
}

function newCache(maxDocs = 10_000): ChangesCache {
  const cache = new ChangesCache(nano(couch.url), databaseName('fs_', 'workOrders'), logger, maxDocs);
  caches.push(cache);
  return cache;
}

/** Every page of the feed after `since`, read by `read`, flattened to (id, seq, rev). */
async function readAll(read: (since: string | undefined) => Promise<ChangesPage | undefined>, since?: string) {
  const seen: { id: unknown; seq: string; rev: string }[] = [];
  let checkpoint = since;
  for (;;) {
    const page = await read(checkpoint);
    if (!page) throw new Error('the cache did not answer');
    seen.push(...page.rows.map((row) => ({ id: row.stored.fields.id, seq: row.seq, rev: row.stored.rev })));
    checkpoint = page.lastSeq;
    if (page.scanned < 7) return { seen, checkpoint };
  }
}

beforeAll(async () => {
  dataDir = makeStoreDir('cache');
  couch = await startEmbeddedCouch(dataDir);
  store = new Store(couch.url, 'fs_', logger);
  await store.init();
  await store.bulkInsert('workOrders', Array.from({ length: 40 }, (_, index) => ({ doc: workOrder(index), acl })));
});

afterAll(async () => {
  for (const cache of caches) cache.stop();
  store?.close();
  await couch?.close();
});

describe('the changes cache', () => {
  it('pages through exactly what the store’s own feed returns, from any checkpoint', async () => {
    const cache = newCache();
    expect(await cache.whenLoaded).toBe(true);
    const fromStore = await readAll((since) => store.changes('workOrders', since, 7));
    const fromCache = await readAll((since) => cache.changes(since, 7));
    expect(fromCache.seen).toEqual(fromStore.seen);
    const middle = fromStore.seen[12]!.seq;
    expect((await readAll((since) => cache.changes(since, 7), middle)).seen).toEqual(fromStore.seen.slice(13));
  });

  it('sees a write made just before the read, and moves an updated document to its new place once', async () => {
    const cache = newCache();
    await cache.whenLoaded;
    const before = await readAll((since) => cache.changes(since, 7));
    const first = await store.get('workOrders', 'wo-cache-0000');
    await store.put('workOrders', { ...(first!.fields as AnyDoc), title: 'Changed' } as AnyDoc, acl, first!.rev);
    await store.put('workOrders', workOrder(900), acl);
    const after = await readAll((since) => cache.changes(since, 7), before.checkpoint);
    expect(after.seen.map((row) => row.id)).toEqual(['wo-cache-0000', 'wo-cache-0900']);
    const everything = await readAll((since) => cache.changes(since, 7));
    expect(everything.seen.filter((row) => row.id === 'wo-cache-0000')).toHaveLength(1);
    expect(everything.seen).toEqual((await readAll((since) => store.changes('workOrders', since, 7))).seen);
  });

  it('reads documents as the store does: a write just before the read, a tombstone, a missing id', async () => {
    const cache = newCache();
    await cache.whenLoaded;
    const current = await store.get('workOrders', 'wo-cache-0001');
    await store.put('workOrders', { ...(current!.fields as AnyDoc), title: 'Changed again' } as AnyDoc, acl, current!.rev);
    const doomed = await store.get('workOrders', 'wo-cache-0002');
    await store.put('workOrders', { ...(doomed!.fields as AnyDoc), _deleted: true } as AnyDoc, acl, doomed!.rev);
    const ids = ['wo-cache-0001', 'wo-cache-0002', 'wo-cache-0003', 'wo-cache-nope'];
    const fromCache = await cache.documents(ids);
    expect(fromCache?.get('wo-cache-0001')?.fields.title).toBe('Changed again');
    expect(fromCache?.get('wo-cache-0002')?.fields._deleted).toBe(true);
    expect(fromCache?.has('wo-cache-nope')).toBe(false);
    expect(fromCache).toEqual(await store.getMany('workOrders', ids));
  });

  it('asks the store how far it is once per request, and a request still sees a write made just before it', async () => {
    const cached = new Store(couch.url, 'fs_', logger);
    cached.cacheChanges(['workOrders'], 10_000);
    await cached.changesCachesLoaded();
    const storeAsked = vi.spyOn(ChangesCache.prototype, 'current');
    try {
      await cached.bulkInsert('workOrders', [{ doc: workOrder(950), acl }]);
      // One request: the pull route reads its batches through one reader.
      const read = cached.changesReader('workOrders');
      const { seen } = await readAll((since) => read(since, 7));
      expect(seen.map((row) => row.id)).toContain('wo-cache-0950');
      expect(seen.length).toBeGreaterThan(7 * 5);
      expect(storeAsked).toHaveBeenCalledTimes(1);
      // The next request asks again.
      const next = cached.changesReader('workOrders');
      await readAll((since) => next(since, 7), seen.at(-8)?.seq);
      expect(storeAsked).toHaveBeenCalledTimes(2);
    } finally {
      storeAsked.mockRestore();
      cached.close();
    }
  });

  it('turns itself off past its size limit, so reads go to the store', async () => {
    const cache = newCache(10);
    expect(await cache.whenLoaded).toBe(false);
    expect(await cache.changes(undefined, 7)).toBeUndefined();
    expect(await cache.documents(['wo-cache-0001'])).toBeUndefined();
  });
});
