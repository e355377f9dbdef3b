import { z } from 'zod';
import { baseDocFields, IdSchema, IsoDateTimeSchema, longText, shortText } from './common';

export const WORK_ORDER_STATUSES = [
  'scheduled', 'en_route', 'on_site', 'in_progress', 'on_hold', 'completed', 'cancelled',
] as const;
export const WorkOrderStatusSchema = z.enum(WORK_ORDER_STATUSES);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatusSchema>;

export const WORK_ORDER_KINDS = ['corrective', 'preventive', 'inspection', 'installation'] as const;

export const ChecklistItemSchema = z.object({
  id: IdSchema,
  label: shortText(200),
  done: z.boolean(),
  doneBy: IdSchema.optional(),
  doneAt: IsoDateTimeSchema.optional(),
  value: z.string().max(500).optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const PartSchema = z.object({
  id: IdSchema,
  partNo: shortText(60),
  description: z.string().max(200),
  qty: z.number().positive().max(100_000),
});

export const TimeLogSchema = z.object({
  id: IdSchema,
  kind: z.enum(['travel', 'work']),
  start: IsoDateTimeSchema,
  end: IsoDateTimeSchema.optional(),
  by: IdSchema,
});

export const NoteSchema = z.object({
  id: IdSchema,
  at: IsoDateTimeSchema,
  by: IdSchema,
  text: shortText(5000),
});

export const SignatureSchema = z.object({
  name: shortText(120),
  attachmentId: IdSchema,
  at: IsoDateTimeSchema,
});

export const CheckInSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000),
  at: IsoDateTimeSchema,
});

/** `WO-000123` once numbered by the server; `WO-P-…` while only on a device. */
export const WorkOrderNumberSchema = z.string().regex(/^WO-(\d{6,}|P-[A-Z0-9]{4,26})$/, 'WO-000123 or a provisional WO-P-…');

export const WorkOrderSchema = z.object({
  ...baseDocFields,
  type: z.literal('workOrder'),
  number: WorkOrderNumberSchema,
  ticketId: IdSchema.optional(),
  siteId: IdSchema,
  assetId: IdSchema.optional(),
  assigneeId: IdSchema,
  kind: z.enum(WORK_ORDER_KINDS),
  status: WorkOrderStatusSchema,
  scheduledStart: IsoDateTimeSchema,
  scheduledEnd: IsoDateTimeSchema,
  checklist: z.array(ChecklistItemSchema).max(200),
  parts: z.array(PartSchema).max(500),
  timeLogs: z.array(TimeLogSchema).max(1000),
  notes: z.array(NoteSchema).max(1000),
  photos: z.array(IdSchema).max(200),
  signature: SignatureSchema.optional(),
  checkIn: CheckInSchema.optional(),
  resolution: longText(5000).optional(),
  completedAt: IsoDateTimeSchema.optional(),
});
export type WorkOrder = z.infer<typeof WorkOrderSchema>;
