import { z } from 'zod';
import { baseDocFields, IdSchema, IsoDateTimeSchema, longText, PrioritySchema, shortText } from './common';

export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'on_hold', 'resolved', 'closed', 'cancelled'] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export const SLA_STATES = ['ok', 'warning', 'breached'] as const;

/** Server-owned: recomputed by the server on every accepted change; a client's values are ignored. */
export const TicketSlaSchema = z.object({
  responseDueAt: IsoDateTimeSchema,
  resolutionDueAt: IsoDateTimeSchema,
  respondedAt: IsoDateTimeSchema.optional(),
  resolvedAt: IsoDateTimeSchema.optional(),
  pausedMs: z.number().int().min(0),
  state: z.enum(SLA_STATES),
  escalationLevel: z.number().int().min(0).max(2),
  /** Thresholds the SLA checker has acted on (`resolution.warn50`, `response.breach`, …). */
  crossed: z.array(z.string().max(40)).max(20).optional(),
  /** When the next threshold falls due; absent while nothing is pending (indexed for the checker). */
  nextThresholdAt: IsoDateTimeSchema.optional(),
});
export type TicketSla = z.infer<typeof TicketSlaSchema>;

/** `TCK-000123` once the server numbered it; `TCK-P-…` is the provisional number a device shows offline. */
export const TicketNumberSchema = z.string().regex(/^TCK-(\d{6,}|P-[A-Z0-9]{4,26})$/, 'TCK-000123 or a provisional TCK-P-…');

export const TicketSchema = z.object({
  ...baseDocFields,
  type: z.literal('ticket'),
  number: TicketNumberSchema,
  title: shortText(200),
  description: longText(),
  category: shortText(60),
  priority: PrioritySchema,
  status: TicketStatusSchema,
  siteId: IdSchema,
  assetId: IdSchema.optional(),
  reportedBy: IdSchema,
  assigneeId: IdSchema.optional(),
  slaPolicyId: IdSchema,
  sla: TicketSlaSchema,
  /**
   * When the current status was entered. Server-owned, but on a status change a device proposes
   * its own time of the change here, which the server accepts within a bounded clock skew
   * (shared/domain/sla/action-time.ts), so work done offline is judged by when it was done.
   */
  statusChangedAt: IsoDateTimeSchema.optional(),
  tags: z.array(shortText(40)).max(30),
});
export type Ticket = z.infer<typeof TicketSchema>;
