import type { ServerScope } from 'nano';
import type { Logger } from '../logger';
import { type ChangeRow, type FeedResponse, feedPage } from './changes-watcher';
import { fromCouchDoc, isDesignDoc } from './couch-docs';
import { SortedKeyIndex } from './sorted-key-index';

export type CachedPage = { rows: ChangeRow[]; lastSeq: string; scanned: number };

type Entry = { seq: number; id: string; row: ChangeRow };

const LOAD_BATCH = 5_000;
const LONGPOLL_TIMEOUT_MS = 20_000;
const RETRY_DELAY_MS = 250;
/** How long a read waits for the cache to reach the store's current sequence before reading the store itself. */
const CATCH_UP_TIMEOUT_MS = 2_000;

/**
 * One collection's changes feed held in memory: the latest change of every document, in sequence
 * order, parsed once. A pull page from here costs a binary search and a slice instead of a store
 * read of every document; the embedded store's own `_changes` delivers ~3,000 docs/s, which made
 * it the ceiling of an initial sync.
 *
 * It only serves stores whose sequences are integers (the embedded PouchDB server): there "after
 * sequence n" is a total order the cache can answer for any checkpoint. CouchDB 3's opaque,
 * per-shard sequences have no such order, so with them (or past `maxDocs`) the cache turns itself
 * off and every read goes to the store, as before. A read first asks the store for its current
 * sequence and waits until the cache has followed the feed that far, so a pull right after a
 * write sees it exactly as a store read would.
 */
export class ChangesCache {
  private entries: Entry[] = [];
  private readonly seqById = new Map<string, number>();
  private lastSeq = 0;
  private state: 'loading' | 'ready' | 'off' = 'loading';
  private running = true;
  private abort?: AbortController;
  private waiters: { seq: number; resolve: () => void }[] = [];
  private readonly indexes = new Map<string, SortedKeyIndex<ChangeRow['stored']>>();
  private loaded!: (serving: boolean) => void;
  /** Resolves once the initial load ends: true when the cache serves reads, false when it turned itself off. */
  readonly whenLoaded = new Promise<boolean>((resolve) => (this.loaded = resolve));

  constructor(
    private readonly couch: ServerScope,
    private readonly dbName: string,
    private readonly logger: Logger,
    private readonly maxDocs: number,
    /** Called with every row as it enters the cache, so per-document work (parsing) happens once, off the pull path. */
    private readonly prepare: (row: ChangeRow) => void = () => undefined,
  ) {
    void this.follow();
  }

  get status(): 'loading' | 'ready' | 'off' {
    return this.state;
  }

  /**
   * Changes after `since`, at most `limit`, or undefined when the cache cannot answer (still
   * loading, turned off, a checkpoint it cannot order, or the store is ahead for too long).
   */
  async changes(since: string | undefined, limit: number): Promise<CachedPage | undefined> {
    if (!orderable(since) || !(await this.current())) return undefined;
    return this.changesHeld(since, limit);
  }

  /**
   * Changes after `since` as the cache holds them now, without asking the store how far it is:
   * for a caller that has seen `current()` hold during the same request.
   */
  changesHeld(since: string | undefined, limit: number): CachedPage | undefined {
    const after = since === undefined ? 0 : toSeqNumber(since);
    if (after === undefined || this.state !== 'ready') return undefined;
    return this.slice(after, limit);
  }

  /** Whether the cache serves reads and has followed the feed up to the store's current sequence (one store round trip). */
  async current(): Promise<boolean> {
    if (this.state !== 'ready') return false;
    const target = toSeqNumber(String((await this.couch.db.get(this.dbName)).update_seq));
    return target !== undefined && (await this.caughtUp(target));
  }

  /**
   * The current version of each of these documents that exists (tombstones included, as the
   * store's own read returns them), or undefined when the cache cannot answer; as fresh as a store
   * read made now, by the same wait as `changes`.
   */
  async documents(ids: readonly string[]): Promise<Map<string, ChangeRow['stored']> | undefined> {
    if (!(await this.current())) return undefined;
    return this.lookup(ids);
  }

  private lookup(ids: readonly string[]): Map<string, ChangeRow['stored']> {
    const found = new Map<string, ChangeRow['stored']>();
    for (const id of ids) {
      const seq = this.seqById.get(id);
      const entry = seq === undefined ? undefined : this.entries[firstAfter(this.entries, seq - 1)];
      if (entry && entry.seq === seq) found.set(id, entry.row.stored);
    }
    return found;
  }

  /**
   * Keep the documents ordered by `keyOf` (deleted ones left out), for `upTo`. Built at once from
   * what is loaded, then kept up to date as changes arrive.
   */
  addIndex(name: string, keyOf: (stored: ChangeRow['stored']) => string | undefined): void {
    if (this.indexes.has(name)) return;
    const index = new SortedKeyIndex<ChangeRow['stored']>((stored) => (stored.fields._deleted === true ? undefined : keyOf(stored)));
    if (this.state === 'ready') index.rebuild(this.currentDocuments());
    this.indexes.set(name, index);
  }

  /**
   * The current version of the documents whose `name` key is at most `upTo`, in key order, at
   * most `limit`; or undefined when the cache cannot answer. As fresh as a store read made now, by
   * the same wait as `changes`.
   */
  async upTo(name: string, upTo: string, limit: number): Promise<ChangeRow['stored'][] | undefined> {
    const index = this.indexes.get(name);
    if (!index || !(await this.current())) return undefined;
    return [...this.lookup(index.upTo(upTo, limit)).values()];
  }

  stop(): void {
    this.running = false;
    this.abort?.abort();
    this.loaded(false);
    this.release();
  }

  private slice(after: number, limit: number): CachedPage {
    const start = firstAfter(this.entries, after);
    const taken = this.entries.slice(start, start + limit);
    // A full page ends at its last row; a short one has seen everything up to the cache's position.
    const lastSeq = taken.length === limit ? taken[taken.length - 1]!.seq : Math.max(after, this.lastSeq);
    return { rows: taken.map((entry) => entry.row), lastSeq: String(lastSeq), scanned: taken.length };
  }

  private caughtUp(target: number): Promise<boolean> {
    if (this.lastSeq >= target) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), CATCH_UP_TIMEOUT_MS);
      this.waiters.push({ seq: target, resolve: () => (clearTimeout(timer), resolve(this.state === 'ready' && this.lastSeq >= target)) });
    });
  }

  private async follow(): Promise<void> {
    while (this.running && this.state !== 'off') {
      this.abort = new AbortController();
      try {
        const live = this.state === 'ready';
        // nano passes `signal` through to fetch; its RequestOptions type does not list it.
        const request = {
          db: this.dbName,
          path: '_changes',
          qs: { since: this.lastSeq, include_docs: true, style: 'main_only', ...(live ? { feed: 'longpoll', timeout: LONGPOLL_TIMEOUT_MS } : { limit: LOAD_BATCH }) },
          signal: this.abort.signal,
        };
        const response = feedPage(await this.couch.request(request));
        // A cut-off poll brought no change: ask again from the same sequence.
        if (response) {
          const complete = this.apply(response);
          if (this.state === 'loading' && complete && response.results.length < LOAD_BATCH) this.becomeReady();
          if (this.state !== 'loading') this.loaded(this.state === 'ready');
          if (!complete) await delay(RETRY_DELAY_MS);
        }
      } catch (error) {
        if (!this.running) return;
        this.logger.warn({ err: error, db: this.dbName }, 'changes cache: feed failed; retrying');
        await delay(RETRY_DELAY_MS * 4);
      }
      this.release();
    }
  }

  /** Takes in a feed page; false when it stopped early at a change whose document is not readable yet. */
  private apply(response: FeedResponse): boolean {
    for (const change of response.results) {
      const seq = toSeqNumber(String(change.seq));
      if (seq === undefined) return this.turnOff('the store uses opaque (clustered) sequences');
      if (isDesignDoc(change.id)) {
        this.lastSeq = seq;
        continue;
      }
      // As in Store.changes: never move past a write the cache does not hold yet.
      if (!change.doc) return false;
      const row = { seq: String(seq), stored: fromCouchDoc(change.doc) };
      this.prepare(row);
      this.put({ seq, id: change.id, row });
      this.lastSeq = seq;
    }
    const last = toSeqNumber(String(response.last_seq));
    if (response.results.length === 0 && last !== undefined && last > this.lastSeq) this.lastSeq = last;
    if (this.entries.length > this.maxDocs) return this.turnOff(`more than ${this.maxDocs} documents`);
    return true;
  }

  private put(entry: Entry): void {
    const previous = this.seqById.get(entry.id);
    if (previous !== undefined) {
      const index = firstAfter(this.entries, previous - 1);
      if (this.entries[index]?.seq === previous) this.entries.splice(index, 1);
    }
    this.seqById.set(entry.id, entry.seq);
    // Feed order is sequence order, so appending keeps the array sorted.
    this.entries.push(entry);
    // While loading, indexes are built once at the end instead (one sort, not an insertion each).
    if (this.state === 'ready') for (const index of this.indexes.values()) index.update(entry.id, entry.row.stored);
  }

  private becomeReady(): void {
    for (const index of this.indexes.values()) index.rebuild(this.currentDocuments());
    this.state = 'ready';
  }

  private currentDocuments(): { id: string; stored: ChangeRow['stored'] }[] {
    return this.entries.map((entry) => ({ id: entry.id, stored: entry.row.stored }));
  }

  private turnOff(reason: string): boolean {
    this.logger.info({ db: this.dbName, reason }, 'changes cache off for this database; pulls read the store');
    this.state = 'off';
    this.loaded(false);
    this.entries = [];
    this.seqById.clear();
    for (const index of this.indexes.values()) index.rebuild([]);
    return true;
  }

  private release(): void {
    const waiting = this.waiters;
    this.waiters = waiting.filter((waiter) => this.running && this.state !== 'off' && this.lastSeq < waiter.seq);
    for (const waiter of waiting) if (!this.waiters.includes(waiter)) waiter.resolve();
  }
}

/** Index of the first entry whose sequence is greater than `seq` (entries are sorted by sequence). */
function firstAfter(entries: readonly Entry[], seq: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.seq <= seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

function toSeqNumber(seq: string): number | undefined {
  return /^\d{1,15}$/.test(seq) ? Number(seq) : undefined;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A checkpoint the cache can order (the embedded store's integer sequences). */
function orderable(since: string | undefined): boolean {
  return since === undefined || toSeqNumber(since) !== undefined;
}
