import type { ErrorBody, ErrorReason } from '@shared/errors';

/** The server's one error type: a stable reason, an HTTP status and, for bad input, the field. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly reason: ErrorReason,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return { error: this.reason, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}

/** Bad input with several bad fields (an imported file): all of them in `problems`, the first as `field`. */
export class InvalidInputError extends AppError {
  constructor(
    message: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(400, 'validation_failed', message, problems[0]?.field);
    this.name = 'InvalidInputError';
  }

  override toBody(): ErrorBody {
    return { ...super.toBody(), problems: this.problems };
  }
}

export const badRequest = (message: string, field?: string) => new AppError(400, 'validation_failed', message, field);
export const unauthorized = (message = 'Sign in required') => new AppError(401, 'unauthorized', message);
export const forbidden = (message: string, field?: string) => new AppError(403, 'forbidden', message, field);
export const notFound = (message: string) => new AppError(404, 'not_found', message);

/** Raised by the store when CouchDB cannot be reached: the request fails with 503, never a false ack. */
export class StoreUnavailableError extends AppError {
  constructor(cause: unknown) {
    super(503, 'store_unavailable', 'The data store is unavailable; nothing was saved. Retry shortly.');
    this.cause = cause;
  }
}
