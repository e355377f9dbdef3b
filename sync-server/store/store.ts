import nano, { type DocumentScope, type MangoSelector, type ServerScope } from 'nano';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { Logger } from '../logger';
import { type AccessMeta, type CouchDoc, databaseName, fromCouchDoc, isDesignDoc, type PushOrigin, toCouchDoc } from './couch-docs';
import { ChangesCache } from './changes-cache';
import { ChangesWatcher, type ChangeRow } from './changes-watcher';
import { ensureDatabases } from './setup';
import { isNotFound, RevisionConflictError, translateStoreError } from './store-errors';

export type RawStored = ReturnType<typeof fromCouchDoc>;
/** A Mango selector (https://docs.couchdb.org/en/stable/api/database/find.html#selector-syntax). */
export type Selector = MangoSelector;
export type ChangesPage = { rows: ChangeRow[]; lastSeq: string; scanned: number };
/** Server-private documents (credentials, refresh tokens, counters): never replicated to clients. */
export type PrivateDoc = Record<string, unknown> & { _id: string; _rev?: string };
export type PrivateDb = 'auth' | 'counters' | 'audits' | 'slaClaims' | 'settings';
/** `useIndex` names a design document from setup.ts (https://docs.couchdb.org/en/stable/api/database/find.html). */
export type FindOptions = { sort?: { [field: string]: 'asc' | 'desc' }[]; useIndex?: string };
/** `origin`: only a push, or a write that keeps what clients see, passes one (see PushOrigin). */
export type BulkWrite = { doc: AnyDoc; acl: AccessMeta; rev?: string; origin?: PushOrigin };
/** `ok: false` means the revision was stale (another write won the race). */
export type BulkWriteResult = { ok: true; rev: string } | { ok: false };

/**
 * The only module that talks to CouchDB. Everything above it deals in domain documents, opaque
 * sequence strings and this module's two errors (RevisionConflictError, StoreUnavailableError).
 */
export class Store {
  private readonly couch: ServerScope;
  private readonly watchers = new Map<CollectionName, ChangesWatcher>();
  private readonly caches = new Map<CollectionName, ChangesCache>();

  constructor(
    readonly url: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.couch = nano({ url });
  }

  /**
   * Start holding these collections' changes feeds in memory (see ChangesCache), so pulls stop
   * re-reading every document from the store. Until a cache has loaded, reads go to the store.
   */
  cacheChanges(collections: readonly CollectionName[], maxDocs: number, prepare?: (collection: CollectionName, row: ChangeRow) => void): void {
    for (const collection of collections) {
      if (this.caches.has(collection)) continue;
      const prepareRow = prepare && ((row: ChangeRow) => prepare(collection, row));
      this.caches.set(collection, new ChangesCache(this.couch, databaseName(this.prefix, collection), this.logger, maxDocs, prepareRow));
    }
  }

  async init(): Promise<void> {
    await this.call(() => ensureDatabases(this.couch, this.prefix));
  }

  async get(collection: CollectionName, id: string): Promise<RawStored | undefined> {
    try {
      return fromCouchDoc(await this.db(collection).get(id));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw translateStoreError(error, id);
    }
  }

  /** The current version of each existing document (tombstones included), from the pull cache when it can answer. */
  async getMany(collection: CollectionName, ids: string[]): Promise<Map<string, RawStored>> {
    if (ids.length === 0) return new Map();
    const cached = await this.call(async () => this.caches.get(collection)?.documents(ids));
    if (cached) return cached;
    const result = await this.call(() => this.db(collection).fetch({ keys: ids }));
    const found = new Map<string, RawStored>();
    for (const row of result.rows) {
      if ('doc' in row && row.doc) found.set(row.id, fromCouchDoc(row.doc));
      // A deleted document comes back without its body here; fetch its tombstone to keep the fields.
      else if ('value' in row && (row.value as { deleted?: boolean }).deleted) {
        const tombstone = await this.getDeleted(collection, row.id, row.value.rev);
        if (tombstone) found.set(row.id, tombstone);
      }
    }
    return found;
  }

  /** Write one document; `rev` must be the current revision (omit it to create). Returns the new rev. */
  async put(collection: CollectionName, doc: AnyDoc, acl: AccessMeta, rev?: string, origin?: PushOrigin): Promise<string> {
    try {
      const response = await this.db(collection).insert(toCouchDoc(doc, acl, rev, origin));
      return response.rev;
    } catch (error) {
      throw translateStoreError(error, doc.id);
    }
  }

  /**
   * Write several documents in one request, each guarded by its own revision: CouchDB's
   * `_bulk_docs` applies MVCC per document, so one stale revision fails only that document
   * (https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-bulk-docs).
   */
  async bulkPut(collection: CollectionName, writes: BulkWrite[]): Promise<BulkWriteResult[]> {
    if (writes.length === 0) return [];
    const docs = writes.map(({ doc, acl, rev, origin }) => toCouchDoc(doc, acl, rev, origin));
    const results = await this.call(() => this.db(collection).bulk({ docs }));
    return results.map((result, index) => {
      if (result.rev && !result.error) return { ok: true, rev: result.rev };
      if (result.error === 'conflict') return { ok: false };
      throw new Error(`write of ${writes[index]?.doc.id} to ${collection} failed: ${result.error} ${result.reason ?? ''}`);
    });
  }

  /** Keep the collection's cached documents ordered by `keyOf` too (see ChangesCache.addIndex); nothing without a cache. */
  indexCached(collection: CollectionName, name: string, keyOf: (stored: RawStored) => string | undefined): void {
    this.caches.get(collection)?.addIndex(name, keyOf);
  }

  /**
   * The live documents whose `name` key is at most `upTo`, in key order, at most `limit`, from the
   * changes cache; undefined when it cannot answer: the caller then queries the store.
   */
  async upToCached(collection: CollectionName, name: string, upTo: string, limit: number): Promise<RawStored[] | undefined> {
    return this.call(async () => this.caches.get(collection)?.upTo(name, upTo, limit));
  }

  /** Resolves once every cache has loaded or turned itself off (the bench waits for it, as a running server has). */
  async changesCachesLoaded(): Promise<void> {
    await Promise.all([...this.caches.values()].map((cache) => cache.whenLoaded));
  }

  /** How many collections' pull caches are loading, serving, or off (health and the bench read it). */
  changesCacheStatus(): Record<'loading' | 'ready' | 'off', number> {
    const counts = { loading: 0, ready: 0, off: 0 };
    for (const cache of this.caches.values()) counts[cache.status]++;
    return counts;
  }

  /** One page of the collection's changes feed after `since` (https://docs.couchdb.org/en/stable/api/database/changes.html). */
  async changes(collection: CollectionName, since: string | undefined, limit: number): Promise<ChangesPage> {
    return this.changesReader(collection)(since, limit);
  }

  /**
   * One request's reader of a collection's changes feed, page by page. The cache is checked against
   * the store's current sequence once, at the first read: later reads come after that check and the
   * cache only moves forward, so they too see every write acknowledged before the request. A scoped
   * pull scans the feed in batches (an engineer's few hundred assets among 20,000): one store round
   * trip per request instead of one per batch.
   */
  changesReader(collection: CollectionName): (since: string | undefined, limit: number) => Promise<ChangesPage> {
    let cacheCurrent: Promise<boolean> | undefined;
    return async (since, limit) => {
      const cache = this.caches.get(collection);
      if (cache) {
        cacheCurrent ??= this.call(() => cache.current());
        const cached = (await cacheCurrent) ? cache.changesHeld(since, limit) : undefined;
        if (cached) return cached;
      }
      return this.changesFromStore(collection, since, limit);
    };
  }

  private async changesFromStore(collection: CollectionName, since: string | undefined, limit: number): Promise<ChangesPage> {
    const response = await this.call(() =>
      this.db(collection).changes({ since: since ?? '0', limit, include_docs: true, style: 'main_only' }),
    );
    const rows: ChangeRow[] = [];
    let scanned = 0;
    let lastSeq = String(response.last_seq);
    for (const change of response.results as (typeof response.results[number] & { doc?: CouchDoc })[]) {
      // A row whose document is not readable yet (a write still committing) ends the page before it,
      // so the checkpoint never moves past a write the client has not been sent.
      if (!change.doc && !isDesignDoc(change.id)) {
        lastSeq = scanned === 0 ? (since ?? '0') : String(response.results[scanned - 1]?.seq);
        break;
      }
      scanned++;
      if (isDesignDoc(change.id) || !change.doc) continue;
      rows.push({ seq: String(change.seq), stored: fromCouchDoc(change.doc) });
    }
    return { rows, lastSeq, scanned };
  }

  async find(collection: CollectionName, selector: MangoSelector, limit = 1000, options: FindOptions = {}): Promise<RawStored[]> {
    const query = { selector, limit, ...(options.sort ? { sort: options.sort } : {}), ...(options.useIndex ? { use_index: options.useIndex } : {}) };
    const response = await this.call(() => this.db(collection).find(query));
    return response.docs.map((doc) => fromCouchDoc(doc as CouchDoc));
  }

  /**
   * Follow a collection's changes from now on; one feed per collection is shared by every
   * listener. `ready` resolves once every write after this call is certain to be delivered.
   */
  watch(collection: CollectionName, listener: (rows: ChangeRow[]) => void): { ready: Promise<void>; stop: () => void } {
    let watcher = this.watchers.get(collection);
    if (!watcher) {
      watcher = new ChangesWatcher(this.couch, databaseName(this.prefix, collection), this.logger);
      this.watchers.set(collection, watcher);
    }
    const stop = watcher.subscribe(listener);
    return { ready: watcher.ready, stop };
  }

  async getPrivate(db: PrivateDb, id: string): Promise<PrivateDoc | undefined> {
    try {
      return await this.couch.use<PrivateDoc>(databaseName(this.prefix, db)).get(id);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw translateStoreError(error, id);
    }
  }

  /** Create or update a private document; throws RevisionConflictError when `_rev` is stale. */
  async putPrivate(db: PrivateDb, doc: PrivateDoc): Promise<string> {
    try {
      return (await this.couch.use<PrivateDoc>(databaseName(this.prefix, db)).insert(doc)).rev;
    } catch (error) {
      throw translateStoreError(error, doc._id);
    }
  }

  /**
   * Create private documents in one request; each is `true` when created, `false` when a document
   * with that id already exists (CouchDB's per-document 409 in `_bulk_docs`).
   */
  async bulkCreatePrivate(db: PrivateDb, docs: PrivateDoc[]): Promise<boolean[]> {
    if (docs.length === 0) return [];
    const results = await this.call(() => this.couch.use<PrivateDoc>(databaseName(this.prefix, db)).bulk({ docs }));
    return results.map((result, index) => {
      if (result.rev && !result.error) return true;
      if (result.error === 'conflict') return false;
      throw new Error(`create of ${docs[index]?._id} in ${db} failed: ${result.error} ${result.reason ?? ''}`);
    });
  }

  async getManyPrivate(db: PrivateDb, ids: string[]): Promise<Map<string, PrivateDoc>> {
    if (ids.length === 0) return new Map();
    const result = await this.call(() => this.couch.use<PrivateDoc>(databaseName(this.prefix, db)).fetch({ keys: ids }));
    const found = new Map<string, PrivateDoc>();
    for (const row of result.rows) if ('doc' in row && row.doc) found.set(row.id, row.doc);
    return found;
  }

  async findPrivate(db: PrivateDb, selector: MangoSelector, limit = 1000): Promise<PrivateDoc[]> {
    const response = await this.call(() => this.couch.use<PrivateDoc>(databaseName(this.prefix, db)).find({ selector, limit }));
    return response.docs;
  }

  async bulkInsert(collection: CollectionName, docs: { doc: AnyDoc; acl: AccessMeta }[]): Promise<void> {
    const body = { docs: docs.map(({ doc, acl }) => toCouchDoc(doc, acl)) };
    const results = await this.call(() => this.db(collection).bulk(body));
    const failed = results.find((result) => result.error);
    if (failed) throw new Error(`bulk insert into ${collection} failed for ${failed.id}: ${failed.error}`);
  }

  async isEmpty(collection: CollectionName): Promise<boolean> {
    const info = await this.call(() => this.db(collection).info());
    // Design documents (Mango indexes) are counted too.
    const list = await this.call(() => this.db(collection).list({ limit: 50 }));
    return info.doc_count === 0 || list.rows.every((row) => isDesignDoc(row.id));
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    try {
      const info = await this.couch.info();
      return { ok: true, detail: `${info.couchdb ?? 'couchdb'} ${info.version ?? ''}`.trim() };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.stop();
    this.watchers.clear();
    for (const cache of this.caches.values()) cache.stop();
    this.caches.clear();
  }

  private db(collection: CollectionName): DocumentScope<CouchDoc> {
    return this.couch.use<CouchDoc>(databaseName(this.prefix, collection));
  }

  private async getDeleted(collection: CollectionName, id: string, rev: string): Promise<RawStored | undefined> {
    try {
      return fromCouchDoc(await this.db(collection).get(id, { rev }));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw translateStoreError(error, id);
    }
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof RevisionConflictError) throw error;
      throw translateStoreError(error);
    }
  }
}
