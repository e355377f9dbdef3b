import { z } from 'zod';

/** Client-generated ids (ULIDs in the app, readable ids in demo data). CouchDB reserves a leading `_`. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/, 'must be 1–80 letters, digits or _.:- and not start with _');

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const LatLngSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const ROLES = ['admin', 'dispatcher', 'engineer', 'site_manager'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

/** Fields every document carries. createdAt/updatedAt are server-owned. */
export const baseDocFields = {
  id: IdSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  _deleted: z.boolean().default(false),
};

export const shortText = (max = 200) => z.string().trim().min(1).max(max);
export const longText = (max = 10_000) => z.string().max(max);
