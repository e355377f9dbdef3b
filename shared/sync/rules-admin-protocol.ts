import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from '../schemas/common';
import { RuleSetSchema } from '../schemas/rules';

export const RULES_ADMIN_PATH = '/api/admin/rules';

/**
 * The revision an edit started from: an opaque string from the last GET, or null when no rules
 * were ever saved (the defaults apply). A PUT from any other revision is a 409: another admin
 * saved meanwhile, and their change is not overwritten silently.
 */
export const RulesRevisionSchema = z.string().min(1).max(200).nullable();

/** `PUT /api/admin/rules`: the whole rule set as the admin wants it, and the revision it was edited from. */
export const RuleSetUpdateSchema = RuleSetSchema.extend({ revision: RulesRevisionSchema });
export type RuleSetUpdate = z.infer<typeof RuleSetUpdateSchema>;

/** What `GET` (and a successful `PUT`) answers: the rules in force, their revision, and who saved them last. */
export const RuleSetResponseSchema = RuleSetSchema.extend({
  revision: RulesRevisionSchema,
  updatedAt: IsoDateTimeSchema.optional(),
  updatedBy: IdSchema.optional(),
});
export type RuleSetResponse = z.infer<typeof RuleSetResponseSchema>;
