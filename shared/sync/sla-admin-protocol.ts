import { z } from 'zod';
import { IdSchema } from '../schemas/common';
import { SlaPolicySchema } from '../schemas/misc';

/** What an admin sends to create or replace an SLA policy; the server sets the rest. */
export const SlaPolicyInputSchema = SlaPolicySchema.pick({
  name: true,
  priority: true,
  responseMinutes: true,
  resolutionMinutes: true,
  businessHours: true,
  holidays: true,
})
  .extend({ id: IdSchema.optional() })
  .refine((policy) => policy.resolutionMinutes >= policy.responseMinutes, {
    message: 'must not be shorter than the response target',
    path: ['resolutionMinutes'],
  });
export type SlaPolicyInput = z.infer<typeof SlaPolicyInputSchema>;

export const SLA_POLICIES_PATH = '/api/admin/sla-policies';
