import { z } from 'zod';
import { baseDocFields, IdSchema, IsoDateTimeSchema, PrioritySchema, shortText } from './common';

/** A ticket's conversation. Append-only: a comment is never edited by a client after it is created. */
export const CommentSchema = z.object({
  ...baseDocFields,
  type: z.literal('comment'),
  ticketId: IdSchema,
  authorId: IdSchema,
  body: shortText(5000),
});
export type Comment = z.infer<typeof CommentSchema>;

export const FieldChangeSchema = z.object({
  field: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

/** Audit trail: written only by the server, one per accepted change, with field-level before/after. */
export const ActivitySchema = z.object({
  ...baseDocFields,
  type: z.literal('activity'),
  subjectType: z.string(),
  subjectId: IdSchema,
  action: z.enum(['created', 'updated', 'deleted', 'sla_warning', 'sla_breached', 'escalated']),
  actorId: IdSchema,
  at: IsoDateTimeSchema,
  changes: z.array(FieldChangeSchema),
  /** The subject's ticket/site/assignee, so the activity shares the subject's read scope. */
  siteId: IdSchema.optional(),
  ticketId: IdSchema.optional(),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const NotificationSchema = z.object({
  ...baseDocFields,
  type: z.literal('notification'),
  userId: IdSchema,
  kind: z.enum(['sla_warning', 'sla_breached', 'escalated', 'assigned', 'comment', 'info']),
  title: shortText(200),
  body: z.string().max(2000),
  subjectType: z.string().optional(),
  subjectId: IdSchema.optional(),
  readAt: IsoDateTimeSchema.optional(),
  /**
   * The due time an SLA notice is about, on its site's clock: each device words it the way it
   * shows every other time (app/components/format.ts). Older notices carry it in `body` only.
   */
  due: z
    .object({
      target: z.enum(['response', 'resolution']),
      at: IsoDateTimeSchema,
      timeZone: shortText(64),
    })
    .optional(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const BusinessHoursSchema = z.object({
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  weekday: z.number().int().min(1).max(7),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'),
  end: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'HH:mm'),
});

export const SlaPolicySchema = z.object({
  ...baseDocFields,
  type: z.literal('slaPolicy'),
  name: shortText(120),
  priority: PrioritySchema,
  responseMinutes: z.number().int().positive().max(525_600),
  resolutionMinutes: z.number().int().positive().max(525_600),
  /** Empty means the clock runs 24×7. */
  businessHours: z.array(BusinessHoursSchema).max(21),
  holidays: z.array(z.iso.date()).max(400),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

export const CategorySchema = z.object({
  ...baseDocFields,
  type: z.literal('category'),
  name: shortText(60),
  description: z.string().max(500),
  skills: z.array(shortText(60)).max(20),
  defaultPriority: PrioritySchema,
});
export type Category = z.infer<typeof CategorySchema>;

