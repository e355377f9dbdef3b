import nano, { type RequestOptions, type ServerScope } from 'nano';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@server/logger';
import { ChangesCache } from '@server/store/changes-cache';
import { ChangesWatcher } from '@server/store/changes-watcher';
import { databaseName } from '@server/store/couch-docs';
import { type EmbeddedCouch, startEmbeddedCouch } from '@server/store/embedded-couch';
import { Store } from '@server/store/store';
import { makeStoreDir } from '../helpers/test-dirs';
import { buildWorkOrder, PEOPLE } from '../helpers/replication-world';

const CUT_MS = 500;
const acl = { readers: ['role:dispatcher'], formerReaders: [] };
const dbName = databaseName('fs_', 'workOrders');
let couch: EmbeddedCouch;
let store: Store;

/**
 * nano on the embedded store, with every longpoll cut off after `CUT_MS` the way nano reports it:
 * the request resolves with '' (nano swallows the JSON error of a body that fetch's body timeout,
 * undici's 5 minutes, cut short). The cut is a timer rather than an abort of the real request, so
 * a loaded machine that is slow to send the headers cannot turn it into a failed request instead.
 */
function cuttingLongpolls(): ServerScope {
  const scope = nano(couch.url);
  const request = scope.request.bind(scope);
  scope.request = (opts: RequestOptions | string) => {
    if (typeof opts === 'string' || (opts.qs as { feed?: string } | undefined)?.feed !== 'longpoll') return request(opts);
    const { signal } = opts as { signal: AbortSignal };
    const cut = new AbortController();
    const real = request({ ...opts, signal: AbortSignal.any([signal, cut.signal]) } as RequestOptions);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cutOff = new Promise<string>((resolve) => {
      timer = setTimeout(() => {
        cut.abort();
        resolve('');
      }, CUT_MS);
    });
    // The real request, unless the cut came first (its abort is then no answer at all).
    const answered = real.then(
      (body: unknown) => (clearTimeout(timer), body),
      (error: unknown) => (cut.signal.aborted ? new Promise<never>(() => undefined) : Promise.reject(error)),
    );
    return Promise.race([answered, cutOff]);
  };
  return scope;
}

function spiedLogger() {
  const logger = createLogger('silent');
  return { logger, warned: vi.spyOn(logger, 'warn') };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

beforeAll(async () => {
  couch = await startEmbeddedCouch(makeStoreDir('longpoll-cut'));
  store = new Store(couch.url, 'fs_', createLogger('silent'));
  await store.init();
  await store.put('workOrders', buildWorkOrder({ id: 'wo-cut-0000', assigneeId: PEOPLE.engA.id }), acl);
});

afterAll(async () => {
  store?.close();
  await couch?.close();
});

describe('a longpoll whose body is cut off', () => {
  it('is no change for the changes watcher: no warning, and the next write still arrives once', async () => {
    const { logger, warned } = spiedLogger();
    const watcher = new ChangesWatcher(cuttingLongpolls(), dbName, logger);
    const seen: unknown[] = [];
    const unsubscribe = watcher.subscribe((rows) => seen.push(...rows.map((row) => row.stored.fields.id)));
    try {
      await watcher.ready;
      await delay(CUT_MS * 3);
      await store.put('workOrders', buildWorkOrder({ id: 'wo-cut-0001', assigneeId: PEOPLE.engA.id }), acl);
      await vi.waitFor(() => expect(seen).toEqual(['wo-cut-0001']), { timeout: 20_000 });
      expect(warned).not.toHaveBeenCalled();
    } finally {
      unsubscribe();
    }
  });

  it('is no change for the changes cache: no warning, and the next write is in the cache', async () => {
    const { logger, warned } = spiedLogger();
    const cache = new ChangesCache(cuttingLongpolls(), dbName, logger, 10_000);
    try {
      expect(await cache.whenLoaded).toBe(true);
      await delay(CUT_MS * 3);
      await store.put('workOrders', buildWorkOrder({ id: 'wo-cut-0002', assigneeId: PEOPLE.engA.id }), acl);
      const page = await cache.changes(undefined, 100);
      const ids = page?.rows.map((row) => row.stored.fields.id) ?? [];
      expect(ids).toEqual(expect.arrayContaining(['wo-cut-0000', 'wo-cut-0002']));
      expect(new Set(ids).size).toBe(ids.length);
      expect(warned).not.toHaveBeenCalled();
    } finally {
      cache.stop();
    }
  });
});
