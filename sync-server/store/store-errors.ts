import { StoreUnavailableError } from '../errors';

/** A write lost CouchDB's MVCC race: the revision it was based on is no longer current. */
export class RevisionConflictError extends Error {
  constructor(readonly id: string) {
    super(`revision conflict on ${id}`);
    this.name = 'RevisionConflictError';
  }
}

type NanoLikeError = { statusCode?: number; error?: string; reason?: string; message?: string };

function asNanoError(error: unknown): NanoLikeError {
  return typeof error === 'object' && error !== null ? (error as NanoLikeError) : {};
}

export function isNotFound(error: unknown): boolean {
  return asNanoError(error).statusCode === 404;
}

/**
 * Map a nano failure to this layer's errors: 409 → RevisionConflictError, unreachable or 5xx →
 * StoreUnavailableError (the request fails with 503, never a false acknowledgement); anything else
 * is a programming error and propagates unchanged.
 */
export function translateStoreError(error: unknown, id = ''): Error {
  const { statusCode } = asNanoError(error);
  if (statusCode === 409) return new RevisionConflictError(id);
  if (statusCode === undefined || statusCode >= 500) return new StoreUnavailableError(error);
  return error instanceof Error ? error : new Error(String(error));
}
