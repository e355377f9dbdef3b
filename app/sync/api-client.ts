import type { LoginResponse } from '@shared/sync/auth-protocol';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol-version';
import { AuthError, HttpError, OfflineError } from './errors';
import { SignInGate } from './sign-in-gate';

/**
 * The one HTTP client of the app. The access token lives in memory only (never in storage), and
 * the refresh token only in an HttpOnly cookie the app cannot read; when
 * it is missing or expired the client renews it through the HttpOnly refresh cookie, one renewal
 * at a time across tabs (a second concurrent use of a rotated refresh token would revoke them all).
 */
export class ApiClient {
  private accessToken?: string;
  /** Whose the access token is (the login's or the last renewal's user). */
  private tokenUserId?: string;
  /**
   * Whose session the app runs (its local database): a token of anyone else is never used for it.
   * Between another user's login and the wipe of the previous user's data, the previous session's
   * sync must not push its changes under the new user's name.
   */
  private ownerId?: string;
  private renewal?: Promise<string>;
  private readonly renewalListeners = new Set<(user: LoginResponse['user']) => void>();
  /** Closed while the session cannot be renewed (app/sync/sign-in-gate.ts); sync waits on it. */
  readonly signInGate = new SignInGate();

  constructor(private readonly baseUrl = '') {}

  get hasToken(): boolean {
    return this.accessToken !== undefined;
  }

  async login(username: string, password: string): Promise<LoginResponse> {
    const response = await this.send('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
    const body = (await response.json()) as LoginResponse;
    this.accessToken = body.accessToken;
    this.tokenUserId = body.user.id;
    return body;
  }

  /** The user whose session (and local data) requests are made for; undefined while none is open. */
  setOwner(userId: string | undefined): void {
    this.ownerId = userId;
  }

  /**
   * The session was renewed by a sign-in: in this tab after `login` (the caller checks that it is
   * the same user first), or in another tab of the same user (it set the new refresh cookie).
   * Requests waiting for a sign-in go again.
   */
  resumeSession(renewedUser?: LoginResponse['user']): void {
    if (renewedUser) for (const listener of this.renewalListeners) listener(renewedUser);
    this.signInGate.resume();
  }

  /** Called when the session can no longer be renewed, with the server's reason (`account_inactive`, …). */
  onSessionEnded(listener: (error: AuthError) => void): () => void {
    const subscription = this.signInGate.ended$.subscribe((error) => error && listener(error));
    return () => subscription.unsubscribe();
  }

  async logout(): Promise<void> {
    this.accessToken = undefined;
    await this.send('/api/auth/logout', { method: 'POST' });
  }

  /** JSON request with the access token; renews it once on a 401 and retries. */
  async request<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.authorizedFetch(path, init);
    return (await response.json()) as T;
  }

  /** A fetch with the access token (for the event stream, which is read as a body stream). */
  async authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
    const token = this.ownersToken(this.accessToken ?? (await this.renewAccessToken()));
    try {
      return await this.send(path, withBearer(init, token));
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 401) throw error;
      return this.send(path, withBearer(init, this.ownersToken(await this.renewAccessToken())));
    }
  }

  /**
   * Whether the server answers at all (app/sync/reachability.ts): any HTTP status will do, even a
   * 503 from a server whose store is down. No token, so it needs no renewal; the server does not
   * log it. Fails with an OfflineError when nothing answers (or a gateway says the server is gone).
   */
  async probe(): Promise<void> {
    try {
      await this.send('/api/health', { cache: 'no-store' });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
    }
  }

  /** Called with the user as the server now knows them, at each renewal (an admin may have changed their role or sites). */
  onRenewed(listener: (user: LoginResponse['user']) => void): () => void {
    this.renewalListeners.add(listener);
    return () => this.renewalListeners.delete(listener);
  }

  renewAccessToken(): Promise<string> {
    this.renewal ??= withCrossTabLock('fs-token-renewal', () => this.refresh()).finally(() => (this.renewal = undefined));
    return this.renewal;
  }

  forgetToken(): void {
    this.accessToken = undefined;
  }

  private async refresh(): Promise<string> {
    try {
      const response = await this.send('/api/auth/refresh', { method: 'POST' });
      const body = (await response.json()) as LoginResponse;
      this.accessToken = body.accessToken;
      this.tokenUserId = body.user.id;
      // The refresh cookie is another user's (signed in meanwhile, here or in another tab).
      if (this.ownerId && body.user.id !== this.ownerId) throw new HttpError(401, 'unauthorized', 'signed in as another user');
      for (const listener of this.renewalListeners) listener(body.user);
      this.signInGate.resume();
      return body.accessToken;
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 401) throw error;
      const ended = new AuthError(error.reason, error.message);
      this.accessToken = undefined;
      this.signInGate.end(ended);
      throw ended;
    }
  }

  /** The token, if it is the owner's; another user's fails like a session that cannot be renewed (without ending it). */
  private ownersToken(token: string): string {
    if (this.ownerId && this.tokenUserId !== this.ownerId) throw new AuthError('unauthorized', 'signed in as another user');
    return token;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        ...init,
        credentials: 'include',
        headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...init.headers },
      });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new OfflineError(error);
    }
    if (response.ok) return response;
    // A gateway error means the server is unreachable behind a proxy: as good as offline.
    if (response.status === 502 || response.status === 504) throw new OfflineError();
    throw HttpError.fromBody(response.status, await response.json().catch(() => undefined));
  }
}

function withBearer(init: RequestInit, token: string): RequestInit {
  return { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } };
}

/** Web Locks serialise the renewal across tabs; where they are missing, one tab is all we guard. */
function withCrossTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(name, task) as Promise<T>) : task();
}
