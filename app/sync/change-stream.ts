import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { StreamEvent } from '@shared/sync/protocol';
import type { ApiClient } from './api-client';
import { AuthError, OfflineError } from './errors';
import { Reachability } from './reachability';

export type StreamItem = RxReplicationPullStreamItem<AnyDoc, { value: string }>;

const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** A stream that lasted this long and then ended cleanly was ended on purpose by the server. */
const LONG_LIVED_MS = 10_000;

/**
 * One `GET /api/sync/stream` connection shared by every collection's replication (read with fetch
 * so the token travels in the Authorization header, never in a URL). It reconnects with backoff
 * for as long as it runs and tells every collection to RESYNC after each (re)connection, because
 * events sent while it was away are lost. Its observables never error: RxDB would stop listening.
 * While the server is out of reach it waits for the reachability gate it shares with the
 * replications (`reachability`), which probes for the server's return on their behalf.
 */
export class ChangeStream {
  readonly connected$ = new BehaviorSubject(false);
  /** The last reason the stream dropped (shown in the sync status); undefined while connected. */
  readonly error$ = new BehaviorSubject<unknown>(undefined);
  private readonly subjects = new Map<CollectionName, Subject<StreamItem>>();
  private abort?: AbortController;
  private running = false;
  private wake?: () => void;
  private readonly stopped$ = new Subject<void>();
  private opened = 0;

  constructor(
    private readonly api: Pick<ApiClient, 'authorizedFetch' | 'probe'>,
    readonly reachability = new Reachability(() => api.probe()),
  ) {}

  /** How many connections have been asked for so far: a connection's events start after what was written before it was asked for. */
  get openings(): number {
    return this.opened;
  }

  streamFor(collection: CollectionName): Observable<StreamItem> {
    let subject = this.subjects.get(collection);
    if (!subject) {
      subject = new Subject<StreamItem>();
      this.subjects.set(collection, subject);
    }
    return subject.asObservable();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.reachability.start();
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.reachability.stop();
    this.abort?.abort();
    this.wake?.();
    this.stopped$.next();
    this.connected$.next(false);
  }

  /** Reconnect now (the browser came back online) instead of waiting out the backoff. */
  reconnectNow(): void {
    this.wake?.();
  }

  private async loop(): Promise<void> {
    let backoff = MIN_BACKOFF_MS;
    while (this.running) {
      if (!this.reachability.reachable) await this.reachability.whenReachable(this.stopped$);
      if (!this.running) return;
      this.abort = new AbortController();
      this.opened += 1;
      try {
        const response = await this.api.authorizedFetch('/api/sync/stream', { signal: this.abort.signal, headers: { accept: 'text/event-stream' } });
        this.reachability.reportReachable();
        backoff = MIN_BACKOFF_MS;
        const opened = Date.now();
        await this.read(response);
        // The server ends a stream when the access token it was opened with expires: reconnect at
        // once (the request renews the token), without a backoff or an offline blink. A stream
        // that ends right away again is a fault, and waits like one.
        if (this.running && Date.now() - opened >= LONG_LIVED_MS) continue;
      } catch (error) {
        // Offline, server restarts and expired sessions all end here; the status bar shows them.
        if (!this.abort.signal.aborted) this.error$.next(error);
        if (error instanceof AuthError) this.running = false;
        // No server (a probe agrees): the gate probes for it, and the loop waits for the gate at its
        // top. A connection lost while the server answers waits out the backoff below instead.
        if (error instanceof OfflineError && this.running && (await this.reachability.confirmOutage())) {
          this.connected$.next(false);
          continue;
        }
      }
      this.connected$.next(false);
      if (!this.running) return;
      await this.sleep(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  private async read(response: Response): Promise<void> {
    const body = response.body;
    if (!body) return;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        this.handleBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  }

  private handleBlock(block: string): void {
    const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
    if (!data) return;
    const event = JSON.parse(data) as StreamEvent;
    if (event.kind === 'RESYNC') {
      this.connected$.next(true);
      this.error$.next(undefined);
      for (const subject of this.subjects.values()) subject.next('RESYNC');
      return;
    }
    this.subjects.get(event.collection)?.next({ documents: event.documents, checkpoint: { value: event.checkpoint } });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
