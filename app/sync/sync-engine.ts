import { asyncScheduler, BehaviorSubject, combineLatest, map, merge, skip, throttleTime, type Subscription } from 'rxjs';
import type { AppDatabase } from '../db/database';
import type { ApiClient } from './api-client';
import { ChangeStream } from './change-stream';
import type { FirstPages } from './first-pages';
import { describeSyncError, isAuthFailure, OfflineError } from './errors';
import { firstPullDone, retryNow, startReplications, type CollectionReplication } from './replication';

export type SyncStatus = {
  /** The browser says it has a network, and the sync server answers on it (as far as the last request knows). */
  online: boolean;
  /** The live stream is connected: other people's changes arrive as they happen. */
  live: boolean;
  /** A replication request is running now. */
  syncing: boolean;
  /** Every collection has finished its first pull since the app started (on a fresh device: all its data is here). */
  caughtUp: boolean;
  lastSyncedAt?: string;
  /** What went wrong last, for the status bar (cleared by the next success). */
  error?: string;
  /** The session could not be renewed: sync waits for the user to sign in again (local work goes on). */
  needsSignIn: boolean;
};

const LAST_SYNCED_KEY = 'fs.lastSyncedAt';
/**
 * RxDB reports every received document: an initial sync of 10,000 would otherwise write
 * localStorage and re-render the status bar 10,000 times.
 */
const MARK_SYNCED_EVERY_MS = 250;

/** Starts and stops replication for the signed-in user and turns its events into one status. */
export class SyncEngine {
  readonly status$: BehaviorSubject<SyncStatus>;
  private readonly stream: ChangeStream;
  private replications: CollectionReplication[] = [];
  private subscriptions: Subscription[] = [];
  private readonly onOnline = () => this.retry();
  private readonly onOffline = () => this.patch({ online: false });

  constructor(
    private readonly db: AppDatabase,
    private readonly api: ApiClient,
    private readonly userId: string,
    /** Replication waits for this (the session passes "the first screen has shown"); the live stream does not. */
    private readonly startReplicationAfter: Promise<void> = Promise.resolve(),
    /** A fresh device's first pages, asked for while its database opened (app/sync/first-pages.ts). */
    private readonly firstPages?: FirstPages,
  ) {
    this.stream = new ChangeStream(api);
    this.status$ = new BehaviorSubject<SyncStatus>({
      online: browserSaysOnline(),
      live: false,
      syncing: false,
      caughtUp: false,
      lastSyncedAt: readLastSynced(),
      needsSignIn: false,
    });
  }

  get replicationStates(): readonly CollectionReplication[] {
    return this.replications;
  }

  start(): void {
    this.stream.start();
    this.replications = startReplications(this.db, this.api, this.stream, this.userId, undefined, this.startReplicationAfter, this.firstPages);
    const succeeded$ = merge(...this.replications.flatMap((replication) => [replication.received$, replication.sent$]));
    const errors$ = merge(...this.replications.map((replication) => replication.error$));
    // Syncing while any collection is: the last event of one alone would say idle while others still load.
    const active$ = combineLatest(this.replications.map((replication) => replication.active$)).pipe(map((states) => states.some(Boolean)));
    this.subscriptions = [
      succeeded$.pipe(throttleTime(MARK_SYNCED_EVERY_MS, asyncScheduler, { leading: true, trailing: true })).subscribe(() => this.markSynced()),
      errors$.subscribe((error) => this.reportError(error.parameters?.errors?.[0] ?? error)),
      active$.subscribe((active) => this.patch({ syncing: active })),
      this.stream.connected$.subscribe((live) => (live ? this.markSynced({ live }) : this.patch({ live }))),
      this.stream.error$.subscribe((error) => error && this.reportError(error)),
      // From the API client, not from the replications' errors: their requests wait for the
      // sign-in (app/sync/sign-in-gate.ts), and RxDB's copies of errors lose their class anyway.
      this.sessionEnded$(),
      // Whoever noticed (the stream, a pull, a push), out of reach reads as offline until it answers
      // again; a stream that stayed up meanwhile (only a pull failed) is live again then.
      this.stream.reachability.reachable$.pipe(skip(1)).subscribe((reachable) => this.patch(reachable ? { online: this.isOnline(), live: this.stream.connected$.getValue() } : { online: false, live: false })),
    ];
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    const replications = this.replications;
    Promise.all(replications.map(firstPullDone)).then(
      () => this.replications === replications && this.patch({ caughtUp: true }),
      (error: unknown) => this.reportError(error),
    );
  }

  /** Try again now: the user pressed "retry", the browser came back online, or the user signed in again. */
  retry(): void {
    const needsSignIn = this.api.signInGate.ended !== undefined;
    this.patch({ online: this.isOnline(), needsSignIn, error: needsSignIn ? this.status$.getValue().error : undefined });
    this.stream.start();
    this.stream.reachability.probeNow();
    this.stream.reconnectNow();
    for (const replication of this.replications) retryNow(replication);
  }

  async stop(): Promise<void> {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.stream.stop();
    await Promise.all(this.replications.map((replication) => replication.cancel()));
    this.replications = [];
  }

  /** Resolves when every pending local write has reached the server (in the leader tab). */
  async awaitInSync(): Promise<void> {
    await Promise.all(this.replications.map((replication) => replication.awaitInSync()));
  }

  private markSynced(extra: Partial<SyncStatus> = {}): void {
    const lastSyncedAt = new Date().toISOString();
    localStorage.setItem(LAST_SYNCED_KEY, lastSyncedAt);
    // Not `online: true`: a response that was in flight when the network dropped must not hide the
    // offline state the browser has already announced.
    this.patch({ ...extra, lastSyncedAt, error: undefined, online: this.isOnline(), needsSignIn: this.api.signInGate.ended !== undefined });
  }

  /** Needs a sign-in while the API client cannot renew the session; signed in again, syncs at once. */
  private sessionEnded$(): Subscription {
    const ended = this.api.signInGate.ended$.subscribe((error) => error && this.patch({ needsSignIn: true, error: describeSyncError(error) }));
    const stopResumed = this.api.signInGate.onResumed(() => this.retry());
    ended.add(stopResumed);
    return ended;
  }

  private isOnline(): boolean {
    return browserSaysOnline() && this.stream.reachability.reachable;
  }

  private reportError(error: unknown): void {
    if (error instanceof OfflineError) return this.patch({ online: false, live: false, error: undefined });
    // While a sign-in is needed that is what the bar says, whatever else fails meanwhile.
    const ended = this.api.signInGate.ended;
    if (ended || isAuthFailure(error)) return this.patch({ error: describeSyncError(ended ?? error), needsSignIn: true });
    this.patch({ error: describeSyncError(error) });
  }

  private patch(change: Partial<SyncStatus>): void {
    this.status$.next({ ...this.status$.getValue(), ...change });
  }
}

function browserSaysOnline(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

function readLastSynced(): string | undefined {
  return typeof localStorage === 'undefined' ? undefined : (localStorage.getItem(LAST_SYNCED_KEY) ?? undefined);
}
