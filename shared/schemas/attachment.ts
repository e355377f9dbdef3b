import { z } from 'zod';
import { baseDocFields, IdSchema } from './common';

/**
 * Photos and signatures travel as their own documents through the same replication as
 * everything else, so an offline capture is queued, retried and conflict-free like any write
 * (RxDB's own attachments are not replicated by replicateRxCollection). The app resizes and
 * compresses before storing, which keeps each one under this limit.
 */
export const MAX_ATTACHMENT_BYTES = 400 * 1024;
export const ATTACHMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const AttachmentSchema = z.object({
  ...baseDocFields,
  type: z.literal('attachment'),
  /** The document it belongs to; it is readable by whoever can read that document. */
  ownerCollection: z.enum(['workOrders', 'tickets']),
  ownerId: IdSchema,
  kind: z.enum(['photo', 'signature']),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES),
  size: z.number().int().positive().max(MAX_ATTACHMENT_BYTES, `at most ${MAX_ATTACHMENT_BYTES / 1024} KB`),
  /** Base64 of the bytes (no data: prefix). */
  data: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  createdBy: IdSchema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;
