import { z } from 'zod';
import { CollectionNameSchema } from './collections';
import { IdSchema, IsoDateTimeSchema } from './common';

/**
 * Why a field ended up with the value it has after a merge where both sides changed it, or
 * `refused`: the server would not take the change at all (app/sync/push-refusals.ts).
 */
export const CONFLICT_REASONS = ['ownership', 'status-precedence', 'tie', 'deleted', 'not-allowed', 'refused'] as const;

/**
 * A local record of one overlapping edit found while merging on reconnection (never replicated):
 * which document and field, my value, their value, what was kept, who changed theirs and when.
 * Values are JSON text ('' = absent / the document was deleted) so any field type fits.
 * `state`: open until the user dismisses it or applies their value instead.
 */
export const ConflictRecordSchema = z.object({
  id: z.string().min(1).max(200),
  collectionName: CollectionNameSchema,
  docId: IdSchema,
  docLabel: z.string().max(300),
  path: z.string().min(1).max(200),
  mine: z.string().max(200_000),
  theirs: z.string().max(200_000),
  kept: z.string().max(200_000),
  winner: z.enum(['mine', 'theirs']),
  reason: z.enum(CONFLICT_REASONS),
  /** The document was deleted on one side and the deletion stands. */
  documentDeleted: z.boolean(),
  theirsChangedAt: IsoDateTimeSchema,
  theirsChangedBy: IdSchema.optional(),
  /** The server's reason, in its words, for a `refused` change. */
  refusal: z.string().max(1000).optional(),
  recordedAt: IsoDateTimeSchema,
  state: z.enum(['open', 'dismissed', 'applied']),
});
export type ConflictRecord = z.infer<typeof ConflictRecordSchema>;
