import { BehaviorSubject, filter, firstValueFrom, race, timer, type Observable } from 'rxjs';
import { OfflineError, RequestLostError } from './errors';

/** First probe after the server stopped answering: a blip (a restart, a tunnel) is over by then. */
const FIRST_PROBE_MS = 1_000;
/** An outage shorter than this is probed at least this often, so a short one ends within seconds. */
const SHORT_OUTAGE_MS = 60_000;
const SHORT_OUTAGE_PROBE_MS = 4_000;
/**
 * The longest gap between probes while the browser has a network but the server does not answer
 * (a dead zone's captive signal, a server restart): four small requests a minute, so a phone
 * back in signal syncs within seconds even when no 'online' event comes.
 */
const MAX_PROBE_MS = 15_000;
/** The longest gap while the browser knows it has no network: its 'online' event will say when. */
const BROWSER_OFFLINE_PROBE_MS = 30_000;
/** Sends of one request lost while the server answers, before its caller hears of it; the gaps between them start at this. */
const LOST_TRIES = 3;
const LOST_RETRY_MS = 1_000;
/** Reachable for this long, a new failure starts a new outage; sooner, the last one goes on (its gaps kept). */
const STABLE_MS = 30_000;

/** Where the gate hears that the network may be back; a fake in unit tests. */
export type ReachabilityEnvironment = {
  /** The browser knows it has no network (its 'online' event will say when it has one again). */
  browserOffline(): boolean;
  /** Calls `listener` on the browser's 'online' event and when the page comes to the front; returns the unsubscribe. */
  onChance(listener: () => void): () => void;
};

/**
 * Whether the sync server answers, shared by the live stream and every collection's replication.
 * A request that finds no network or no server (an OfflineError) closes the gate, unless a probe
 * sent at once still gets an answer; while it is
 * closed nothing else is sent: one cheap probe (`probe`, GET /api/health) goes out at a growing
 * interval — 1, 2, 4 s, then every 4 s for the first minute, then up to every 15 s (30 s while the browser says it is
 * offline) — and at once
 * on the browser's 'online' event, when the page comes to the front and on `probeNow()` (the
 * Retry button). The first answer, the probe's or any request's, opens it and everything waiting
 * goes at once. Without it each of a dozen replications and the stream retried on its own timer:
 * about one failed request every 2 s in a dead zone.
 */
export class Reachability {
  readonly reachable$ = new BehaviorSubject(true);
  private delay = FIRST_PROBE_MS;
  private closedAt = 0;
  private openedAt = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private probing = false;
  private confirming?: Promise<boolean>;
  private running = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly environment: ReachabilityEnvironment = browserEnvironment(),
  ) {}

  get reachable(): boolean {
    return this.reachable$.getValue();
  }

  /** Probes while closed, and listens for chances; until then a closed gate only waits. A start is a chance too. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.environment.onChance(() => this.probeNow());
    this.probeNow();
  }

  stop(): void {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.timer);
  }

  /** A request got an answer from the server. */
  reportReachable(): void {
    if (this.reachable) return;
    clearTimeout(this.timer);
    this.openedAt = Date.now();
    this.reachable$.next(true);
  }

  /** A request found no network or no server. */
  reportUnreachable(): void {
    if (!this.reachable) return;
    if (Date.now() - this.openedAt >= STABLE_MS) {
      this.delay = FIRST_PROBE_MS;
      this.closedAt = Date.now();
    }
    this.reachable$.next(false);
    this.schedule();
  }

  /** Probe at once (the network may be back), and start over with short gaps. */
  probeNow(): void {
    if (this.reachable || !this.running) return;
    this.delay = FIRST_PROBE_MS;
    this.closedAt = Date.now();
    clearTimeout(this.timer);
    void this.runProbe();
  }

  /** Resolves once the server is reachable, or when `stopped$` emits first. */
  whenReachable(stopped$: Observable<unknown>): Promise<unknown> {
    return firstValueFrom(race(this.reachable$.pipe(filter(Boolean)), stopped$), { defaultValue: undefined });
  }

  /**
   * Sends `request` once the server is reachable. When it finds no network or no server (and a
   * probe agrees), it closes the gate, waits for it to open and sends again, instead of failing.
   * A request lost while the probe gets an answer is sent again here, after 1 and then 2 s, with
   * the gate left open for the rest: its caller's work stays in flight meanwhile (a push whose
   * answer was lost must not look failed to RxDB while the stamped version streams in). Lost a
   * third time, it fails with a RequestLostError for the caller's own backoff. Any other failure
   * is the caller's. Once `stop.isStopped()`, it fails with the last offline failure.
   */
  async send<T>(request: () => Promise<T>, stop: { stopped$: Observable<unknown>; isStopped: () => boolean }): Promise<T> {
    let lost = 0;
    for (;;) {
      if (!this.reachable) await this.whenReachable(stop.stopped$);
      if (stop.isStopped()) throw new OfflineError();
      try {
        const result = await request();
        this.reportReachable();
        return result;
      } catch (error) {
        if (!(error instanceof OfflineError) || stop.isStopped()) throw error;
        if (await this.confirmOutage()) continue;
        if (++lost >= LOST_TRIES) throw new RequestLostError(error);
        await firstValueFrom(race(timer(LOST_RETRY_MS * 2 ** (lost - 1)), stop.stopped$), { defaultValue: undefined });
      }
    }
  }

  /**
   * A request found no network or no server. One request lost at the network level (a proxy
   * resetting an upload) is not yet an outage: a probe decides. True, and the gate closed, when it
   * gets no answer either (or the gate was closed already); false while the server answers, and
   * the failure is that request's alone.
   */
  async confirmOutage(): Promise<boolean> {
    if (this.reachable && !this.environment.browserOffline() && (await this.serverAnswers())) return false;
    this.reportUnreachable();
    return true;
  }

  /** One probe shared by every request that failed at about the same time: does the server answer? */
  private serverAnswers(): Promise<boolean> {
    this.confirming ??= this.probe()
      .then(
        () => true,
        () => false,
      )
      .finally(() => (this.confirming = undefined));
    return this.confirming;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.running || this.reachable || this.probing) return;
    this.timer = setTimeout(() => void this.runProbe(), this.delay);
  }

  private async runProbe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      await this.probe();
      this.reportReachable();
    } catch {
      // Expected while out of reach (it is what the gate is for): the next probe follows.
      this.delay = this.nextDelay();
    } finally {
      this.probing = false;
    }
    this.schedule();
  }

  private nextDelay(): number {
    if (this.environment.browserOffline()) return Math.min(this.delay * 2, BROWSER_OFFLINE_PROBE_MS);
    return Math.min(this.delay * 2, Date.now() - this.closedAt >= SHORT_OUTAGE_MS ? MAX_PROBE_MS : SHORT_OUTAGE_PROBE_MS);
  }
}

function browserEnvironment(): ReachabilityEnvironment {
  return {
    browserOffline: () => typeof navigator !== 'undefined' && navigator.onLine === false,
    onChance: (listener) => {
      if (typeof window === 'undefined' || typeof document === 'undefined') return () => undefined;
      const onVisible = () => document.visibilityState === 'visible' && listener();
      window.addEventListener('online', listener);
      document.addEventListener('visibilitychange', onVisible);
      return () => {
        window.removeEventListener('online', listener);
        document.removeEventListener('visibilitychange', onVisible);
      };
    },
  };
}
