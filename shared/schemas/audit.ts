import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';

/**
 * An asset audit: someone walks a site scanning every asset label, and the record says which of the
 * site's assets were found, which scanned assets belong to another site and which codes matched no
 * asset. Audits are records for people, not replicated documents: the app keeps them in RxDB local
 * documents and sends each to `PUT /api/audits/:id` (a database of its own on the server).
 */
export const AUDIT_RESULTS = ['found', 'wrong_site', 'unknown'] as const;
export const AuditResultSchema = z.enum(AUDIT_RESULTS);
export type AuditResult = z.infer<typeof AuditResultSchema>;

export const MAX_AUDIT_SCANS = 5000;

export const AuditScanSchema = z.object({
  /** What the label said, normalised to the asset tag when it was a label URL. */
  code: z.string().trim().min(1).max(200),
  assetId: IdSchema.optional(),
  result: AuditResultSchema,
  at: IsoDateTimeSchema,
});
export type AuditScan = z.infer<typeof AuditScanSchema>;

/** What a client sends; the id comes from the URL. */
export const AuditBodySchema = z.object({
  siteId: IdSchema,
  startedAt: IsoDateTimeSchema,
  finishedAt: IsoDateTimeSchema.optional(),
  scans: z.array(AuditScanSchema).max(MAX_AUDIT_SCANS),
  /** The site's assets not scanned when the audit was finished (empty while it is in progress). */
  missingAssetIds: z.array(IdSchema).max(MAX_AUDIT_SCANS),
});
export type AuditBody = z.infer<typeof AuditBodySchema>;

export const AuditParamsSchema = z.object({ id: IdSchema });

/** An audit as the server stores and returns it: who made it and when are server-owned. */
export const AuditRecordSchema = AuditBodySchema.extend({
  id: IdSchema,
  createdBy: IdSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** An audit on the device: the body plus its id and whether the server has this version yet. */
export const LocalAuditSchema = AuditBodySchema.extend({ id: IdSchema, uploadedAt: IsoDateTimeSchema.optional() });
export type LocalAudit = z.infer<typeof LocalAuditSchema>;
