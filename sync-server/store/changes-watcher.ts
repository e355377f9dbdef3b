import type { ServerScope } from 'nano';
import type { Logger } from '../logger';
import { type CouchDoc, fromCouchDoc, isDesignDoc } from './couch-docs';

export type ChangeRow = { seq: string; stored: ReturnType<typeof fromCouchDoc> };
export type FeedResponse = { results: { id: string; seq: string | number; doc?: CouchDoc }[]; last_seq: string | number };

const LONGPOLL_TIMEOUT_MS = 20_000;
const RETRY_DELAY_MS = 1_000;

/**
 * Follows one database's `_changes` feed with longpoll from "now" and fans each batch out to the
 * subscribers. Every server instance runs its own watcher, so all of them see every write.
 * https://docs.couchdb.org/en/stable/api/database/changes.html#long-polling
 */
export class ChangesWatcher {
  private readonly listeners = new Set<(rows: ChangeRow[]) => void>();
  private abort?: AbortController;
  private running = false;
  /** Resolves once the feed position is fixed: every write after that reaches the listeners. */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly couch: ServerScope,
    private readonly dbName: string,
    private readonly logger: Logger,
  ) {}

  subscribe(listener: (rows: ChangeRow[]) => void): () => void {
    this.listeners.add(listener);
    if (!this.running) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    this.running = false;
    this.abort?.abort();
  }

  private start(): void {
    this.running = true;
    const position = this.currentSeq();
    this.ready = position.then(() => undefined);
    void position.then((since) => this.run(since));
  }

  /** The database's current sequence, so "from now" is a fixed point rather than a moving one. */
  private async currentSeq(): Promise<string> {
    for (;;) {
      try {
        const info = await this.couch.db.get(this.dbName);
        return String(info.update_seq);
      } catch (error) {
        if (!this.running) return 'now';
        this.logger.warn({ err: error, db: this.dbName }, 'changes feed cannot start; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }

  private async run(initialSince: string): Promise<void> {
    let since = initialSince;
    while (this.running) {
      this.abort = new AbortController();
      try {
        const page = await this.poll(since, this.abort.signal);
        since = page.lastSeq;
        if (page.rows.length > 0) this.emit(page.rows);
      } catch (error) {
        if (!this.running) return;
        this.logger.warn({ err: error, db: this.dbName }, 'changes feed failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }

  private async poll(since: string, signal: AbortSignal): Promise<{ rows: ChangeRow[]; lastSeq: string }> {
    const request = {
      db: this.dbName,
      path: '_changes',
      qs: { feed: 'longpoll', since, timeout: LONGPOLL_TIMEOUT_MS, include_docs: true },
      signal,
    };
    const response = feedPage(await this.couch.request(request));
    // A cut-off longpoll brought no change: poll again from the same sequence.
    if (!response) return { rows: [], lastSeq: since };
    const rows = response.results
      .filter((change) => !isDesignDoc(change.id) && change.doc)
      .map((change) => ({ seq: String(change.seq), stored: fromCouchDoc(change.doc as CouchDoc) }));
    return { rows, lastSeq: String(response.last_seq) };
  }

  private emit(rows: ChangeRow[]): void {
    for (const listener of this.listeners) {
      try {
        listener(rows);
      } catch (error) {
        this.logger.error({ err: error, db: this.dbName }, 'changes listener failed');
      }
    }
  }
}

/**
 * A `_changes` response, or undefined when its body was cut off. The embedded store
 * (express-pouchdb) ignores `timeout` and holds a quiet longpoll open until a change; its gzip
 * holds back the heartbeats, so after 5 minutes fetch's body timeout (undici's default) ends the
 * body, and nano resolves JSON it cannot parse as ''. Nothing was taken from such a response.
 */
export function feedPage(response: unknown): FeedResponse | undefined {
  return Array.isArray((response as Partial<FeedResponse> | undefined)?.results) ? (response as FeedResponse) : undefined;
}
