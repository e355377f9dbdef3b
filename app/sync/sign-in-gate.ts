import { BehaviorSubject, filter, firstValueFrom, race, type Observable } from 'rxjs';
import { AuthError } from './errors';

/**
 * Whether this device's session can still be renewed. The refresh endpoint refusing (a password
 * reset revoked the tokens, the session expired, the account was deactivated) closes the gate;
 * a sign-in, a successful renewal, or word from another tab that the same user signed in again
 * opens it. Sync requests that meet an AuthError wait here instead of failing to RxDB, whose
 * retries would grow to a minute apart and keep the pushes waiting long after the user signed in.
 */
export class SignInGate {
  /** The refusal that closed the gate; undefined while open. */
  readonly ended$ = new BehaviorSubject<AuthError | undefined>(undefined);
  private readonly resumedListeners = new Set<() => void>();

  get ended(): AuthError | undefined {
    return this.ended$.getValue();
  }

  end(error: AuthError): void {
    this.ended$.next(error);
  }

  /** Opens the gate; listeners hear of it only when it was closed. */
  resume(): void {
    if (!this.ended) return;
    this.ended$.next(undefined);
    for (const listener of this.resumedListeners) listener();
  }

  onResumed(listener: () => void): () => void {
    this.resumedListeners.add(listener);
    return () => this.resumedListeners.delete(listener);
  }

  /** Resolves once the gate is open (at once if it is), or when `stopped$` emits first. */
  whenOpen(stopped$: Observable<unknown>): Promise<unknown> {
    return firstValueFrom(race(this.ended$.pipe(filter((ended) => ended === undefined)), stopped$), { defaultValue: undefined });
  }

  /**
   * Sends `request`; when it fails because the session cannot be renewed, waits for the gate to
   * open and sends again. Any other failure is the caller's. Once `stop.isStopped()`, the
   * AuthError goes to the caller.
   */
  async send<T>(request: () => Promise<T>, stop: { stopped$: Observable<unknown>; isStopped: () => boolean }): Promise<T> {
    for (;;) {
      try {
        return await request();
      } catch (error) {
        // An AuthError that did not close the gate (or a sign-in that opened it since) goes to
        // RxDB's backoff: sending again at once could loop.
        if (!(error instanceof AuthError) || !this.ended || stop.isStopped()) throw error;
        await this.whenOpen(stop.stopped$);
        if (stop.isStopped()) throw error;
      }
    }
  }
}
