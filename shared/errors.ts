/**
 * Stable reason ids shared by server and app: the server sends one in every error body,
 * the app switches on it. Adding one is a protocol change only if old clients must understand it.
 */
export const ERROR_REASONS = [
  'validation_failed',
  'malformed_json',
  'payload_too_large',
  'not_found',
  'unknown_collection',
  'unauthorized',
  'invalid_credentials',
  'token_expired',
  'refresh_token_reused',
  'account_inactive',
  'forbidden',
  'illegal_transition',
  'too_many_requests',
  'protocol_outdated',
  'conflict',
  'store_unavailable',
  'internal',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/**
 * The one JSON shape of every error response. `problems`: every bad field at once, where one
 * request can have many (an imported file's cells); `field` then names the first.
 */
export type ErrorBody = { error: ErrorReason; message: string; field?: string; problems?: { field: string; message: string }[] };

/** `[0].newDocumentState.checklist[2].label`: how a field is named in every error body (and by forms that show the server's problems beside their inputs). */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}
