import { COLLECTION_NAMES, type CollectionName } from '@shared/schemas/collections';
import { storedDatabasesOf } from '../db/stored-databases';
import type { ApiClient } from './api-client';
import { workOrdersFirst } from './load-order';
import type { AskedPage } from './pull-ahead';
import { pullBatchSize, pullFromServer, type ClientCheckpoint } from './pull-request';

/** First pages by collection, asked for before the replication starts. */
export type FirstPages = ReadonlyMap<CollectionName, AskedPage<ClientCheckpoint>>;

/**
 * A fresh device asks for the first page of every collection as soon as the user has signed in,
 * while its local database is still being created (a dozen IndexedDB databases: 150–250 ms) and
 * the first screen renders: the server's answers overlap that instead of following it. Only on a
 * device holding none of this user's data, which needs every first page anyway: a device with data
 * pulls from its own checkpoints, and would throw the pages away (mobile data). The pages are
 * used by the initial load (app/sync/pull-ahead.ts drops them when stale).
 */
export async function firstPagesIfFresh(api: ApiClient, databaseName: string, collections: readonly CollectionName[] = COLLECTION_NAMES): Promise<FirstPages | undefined> {
  if (!(await holdsNoDatabase(databaseName))) return undefined;
  return new Map(
    workOrdersFirst(collections).map((collection) => {
      const limit = pullBatchSize(collection);
      const page = pullFromServer(api, collection, undefined, limit);
      // A failure surfaces (and is retried) when the load asks for the page.
      page.catch(() => undefined);
      return [collection, { limit, at: Date.now(), page }];
    }),
  );
}

/** The session's start waits for the answer this long at most: a browser slow to list its databases loses only the head start. */
const LIST_DATABASES_TIMEOUT_MS = 300;

/** Whether none of RxDB's IndexedDB databases for this database name exist yet. Unknown (no `databases()`, or no answer in time) counts as not fresh. */
async function holdsNoDatabase(databaseName: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), LIST_DATABASES_TIMEOUT_MS);
  });
  const stored = await Promise.race([storedDatabasesOf(databaseName), timedOut]).finally(() => clearTimeout(timer));
  return stored !== undefined && stored.length === 0;
}
