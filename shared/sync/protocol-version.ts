/**
 * The protocol's version and the header that carries it, apart from protocol.ts's zod schemas so
 * the app's first route (the sign-in screen's API client) can send it without loading zod.
 * protocol.ts re-exports both: it stays the one place that describes the wire protocol.
 */
export const PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'x-protocol-version';
