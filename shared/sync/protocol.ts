import { z } from 'zod';
import type { AnyDoc, CollectionName } from '../schemas/collections';

/**
 * The sync wire protocol, mirroring RxDB's replication protocol
 * (https://rxdb.info/replication-http.html): pull by checkpoint, push with the assumed master
 * state, conflicts back, a live stream. Bump PROTOCOL_VERSION on any breaking change; the server
 * refuses clients that send an older version with `protocol_outdated` (HTTP 426).
 */
export { PROTOCOL_HEADER, PROTOCOL_VERSION } from './protocol-version';

export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 100;
export const MAX_PUSH_ROWS = 1000;

/** Checkpoints are opaque: the client stores them and sends them back exactly as received. */
export const CheckpointSchema = z.string().min(1).max(2000);
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export const PullQuerySchema = z.object({
  checkpoint: CheckpointSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});

export type PullResponse<D = AnyDoc> = { documents: D[]; checkpoint: Checkpoint | null };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Any JSON object, checked without a copy: its fields are validated against the collection's schema next. */
const DocumentObjectSchema = z.custom<Record<string, unknown>>(isObject, { message: 'expected an object' });

/** A push row before its documents are validated against their collection's schema. */
export const PushRowSchema = z.object({
  assumedMasterState: DocumentObjectSchema.nullish(),
  newDocumentState: DocumentObjectSchema,
});
export const PushBodySchema = z.array(PushRowSchema).max(MAX_PUSH_ROWS);
export type PushRow<D = AnyDoc> = { assumedMasterState?: D | null; newDocumentState: D };

/**
 * Names the local database a push comes from (RxDB's storage token: one per device's database,
 * new after a wipe). Optional: with it, the server recognises a device's own earlier push whose
 * answer was lost (sync-server/services/write-plan.ts), so the next edit is not a conflict with it.
 */
export const DEVICE_HEADER = 'x-device-id';
export const DeviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected 6 to 64 letters, digits, "-" or "_"');
export const PushHeadersSchema = z.object({ [DEVICE_HEADER]: DeviceIdSchema.optional() });

/** The current master of every row whose assumed state was stale; an empty array means all applied. */
export type PushResponse<D = AnyDoc> = D[];

/** One server-sent event on `GET /api/sync/stream`. `RESYNC` tells the client to pull by checkpoint. */
export type StreamEvent =
  | { kind: 'changes'; collection: CollectionName; documents: AnyDoc[]; checkpoint: Checkpoint }
  | { kind: 'RESYNC' };

export const STREAM_HEARTBEAT_MS = 15_000;
