import type { ErrorBody, ErrorReason } from '@shared/errors';

/** The device has no connection (or the server cannot be reached): a normal state, not a failure. */
export class OfflineError extends Error {
  constructor(cause?: unknown) {
    super('You are offline. Changes are saved on this device and will sync when you reconnect.');
    this.name = 'OfflineError';
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
  ) {
    super(message);
    this.name = 'HttpError';
  }

  static fromBody(status: number, body: Partial<ErrorBody> | undefined): HttpError {
    return new HttpError(status, body?.error ?? 'internal', body?.message ?? `HTTP ${status}`, body?.field);
  }
}

/** A short text for the sync status bar. */
export function describeSyncError(error: unknown): string {
  if (error instanceof OfflineError) return 'Offline';
  if (error instanceof AuthError) return 'Sign in again to sync';
  if (error instanceof HttpError && error.reason === 'protocol_outdated') return 'This app is out of date: reload to update';
  if (error instanceof Error) return error.message;
  // RxDB wraps handler failures in plain objects; their message is what the user needs.
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return 'Sync failed';
}
