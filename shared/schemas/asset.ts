import { z } from 'zod';
import { baseDocFields, IdSchema, LatLngSchema, shortText } from './common';

export const ASSET_STATUSES = ['operational', 'degraded', 'down', 'retired'] as const;

/** The tag is what the barcode/QR label encodes; printable ASCII so every symbology can carry it. */
export const AssetTagSchema = z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, 'uppercase letters, digits and - (3–40)');

export const AssetSchema = z.object({
  ...baseDocFields,
  type: z.literal('asset'),
  tag: AssetTagSchema,
  siteId: IdSchema,
  name: shortText(120),
  category: shortText(60),
  manufacturer: z.string().max(120),
  model: z.string().max(120),
  serialNumber: z.string().max(120),
  status: z.enum(ASSET_STATUSES),
  criticality: z.number().int().min(1).max(5),
  location: LatLngSchema.optional(),
});
export type Asset = z.infer<typeof AssetSchema>;
