import type { ErrorBody, ErrorReason } from '@shared/errors';

/** The device has no connection (or the server cannot be reached): a normal state, not a failure. */
export class OfflineError extends Error {
  constructor(cause?: unknown) {
    super('You are offline. Changes are saved on this device and will sync when you reconnect.');
    this.name = 'OfflineError';
    this.cause = cause;
  }
}

/**
 * A request got no answer though the server answers others (a proxy cutting a large upload, a
 * connection reset mid-request): that request's own failure, retried by its caller's backoff,
 * not an outage that holds every other request back.
 */
export class RequestLostError extends Error {
  constructor(cause?: unknown) {
    super('A request to the server got no answer, though the server is reachable.');
    this.name = 'RequestLostError';
    this.cause = cause;
  }
}

/** The session cannot be renewed: the user must sign in again (local data stays). */
export class AuthError extends Error {
  constructor(readonly reason: ErrorReason | 'no_session', message = 'Please sign in again to sync.') {
    super(message);
    this.name = 'AuthError';
  }
}

/** The server answered with an error body (`{error, message, field?}`). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: ErrorReason,
    message: string,
    readonly field?: string,
    /** Every bad field, where the server names several (an imported file's cells). */
    readonly problems: NonNullable<ErrorBody['problems']> = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }

  static fromBody(status: number, body: Partial<ErrorBody> | undefined): HttpError {
    return new HttpError(status, body?.error ?? 'internal', body?.message ?? `HTTP ${status}`, body?.field, problemsOf(body?.problems));
  }
}

/** The body's list of problems, each a field and a message; anything else in it is dropped. */
function problemsOf(value: unknown): NonNullable<ErrorBody['problems']> {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is { field: string; message: string } => typeof item?.field === 'string' && typeof item?.message === 'string');
}

/**
 * The session cannot be renewed. RxDB hands a handler's failure on as a plain copy
 * (`errorToPlainJson`: name and message, no prototype), so the name is checked too.
 */
export function isAuthFailure(error: unknown): boolean {
  return error instanceof AuthError || nameOf(error) === 'AuthError';
}

/**
 * A short text for the sync status bar, in the user's words: never the server's own message,
 * which is written for developers (and for an RxDB-wrapped failure is all that is left).
 */
export function describeSyncError(error: unknown): string {
  if (error instanceof OfflineError || nameOf(error) === 'OfflineError') return 'Offline';
  if (isAuthFailure(error)) return 'Sign in again to sync';
  if (error instanceof RequestLostError || nameOf(error) === 'RequestLostError') return 'A request did not get through. Sync will try again.';
  if (error instanceof HttpError && error.reason === 'protocol_outdated') return 'This app is out of date: reload to update';
  if (error instanceof HttpError && (error.status >= 500 || error.reason === 'store_unavailable')) return 'The server has a problem. Sync will try again.';
  return 'Sync failed. It will try again.';
}

function nameOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
}
