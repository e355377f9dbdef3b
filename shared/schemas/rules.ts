import { z } from 'zod';
import type { ThresholdKind } from '../domain/sla/thresholds';
import { IdSchema, PrioritySchema, shortText } from './common';

/**
 * The admins' escalation and assignment rules: one settings document kept on the server (not a
 * replicated collection: RxDB's open-source build caps a database at the 13 collections the app
 * already has). Edited through `/api/admin/rules` (shared/sync/rules-admin-protocol.ts).
 */

/** The SLA checker's thresholds, in the order they fall (shared/domain/sla/thresholds.ts names the same kinds). */
export const ESCALATION_KINDS = ['warn50', 'warn75', 'breach', 'escalate2'] as const satisfies readonly ThresholdKind[];

/** Who a notice can go to, besides named users. `site_managers`: the managers of the ticket's site. */
export const RECIPIENT_GROUPS = ['assignee', 'dispatchers', 'site_managers', 'admins'] as const;
export const RecipientGroupSchema = z.enum(RECIPIENT_GROUPS);
export type RecipientGroup = z.infer<typeof RecipientGroupSchema>;

/** A list without repeats: the second of two equal entries is named. */
function distinctList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .superRefine((list, context) => {
      list.forEach((entry, index) => {
        if (list.indexOf(entry) !== index) context.addIssue({ code: 'custom', message: `${String(entry)} is listed twice`, path: [index] });
      });
    });
}

export const RecipientsSchema = z.object({
  groups: distinctList(RecipientGroupSchema, RECIPIENT_GROUPS.length),
  userIds: distinctList(IdSchema, 50),
  /** Told instead when the groups and users above reach nobody (a warning on a ticket nobody is assigned yet). */
  otherwise: distinctList(RecipientGroupSchema, RECIPIENT_GROUPS.length),
});
export type Recipients = z.infer<typeof RecipientsSchema>;

/** Who hears about one threshold; tickets of a priority listed in `byPriority` follow that entry instead. */
export const EscalationRuleSchema = RecipientsSchema.extend({
  byPriority: z.partialRecord(PrioritySchema, RecipientsSchema),
});
export type EscalationRule = z.infer<typeof EscalationRuleSchema>;

export const EscalationRulesSchema = z.object({
  warn50: EscalationRuleSchema,
  warn75: EscalationRuleSchema,
  breach: EscalationRuleSchema,
  escalate2: EscalationRuleSchema,
});
export type EscalationRules = z.infer<typeof EscalationRulesSchema>;

/** What a new ticket must be for a rule to apply; an empty list accepts anything. */
export const AssignmentMatchSchema = z.object({
  categories: distinctList(shortText(60), 100),
  siteIds: distinctList(IdSchema, 500),
  priorities: distinctList(PrioritySchema, 4),
});
export type AssignmentMatch = z.infer<typeof AssignmentMatchSchema>;

export const AssignmentActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('engineer'), engineerId: IdSchema }),
  /** The top of rankEngineers (shared/domain/assignment.ts), when their score reaches `minScore`. */
  z.object({ kind: z.literal('best_ranked'), minScore: z.number().min(0).max(100).optional() }),
]);
export type AssignmentAction = z.infer<typeof AssignmentActionSchema>;

export const AssignmentRuleSchema = z.object({
  id: IdSchema,
  name: shortText(80),
  enabled: z.boolean(),
  match: AssignmentMatchSchema,
  action: AssignmentActionSchema,
});
export type AssignmentRule = z.infer<typeof AssignmentRuleSchema>;

/** In order: the first enabled rule that matches a ticket and finds an engineer assigns it. */
export const AssignmentRulesSchema = z
  .array(AssignmentRuleSchema)
  .max(100)
  .superRefine((rules, context) => {
    const names = rules.map((rule) => rule.name.toLowerCase());
    rules.forEach((rule, index) => {
      if (rules.findIndex((other) => other.id === rule.id) !== index) context.addIssue({ code: 'custom', message: `another rule has the id ${rule.id}`, path: [index, 'id'] });
      // The audit trail names the rule that assigned a ticket: two of one name could not be told apart.
      else if (names.indexOf(rule.name.toLowerCase()) !== index) context.addIssue({ code: 'custom', message: `another rule is called ${rule.name}`, path: [index, 'name'] });
    });
  });

export const RuleSetSchema = z.object({
  escalation: EscalationRulesSchema,
  assignment: AssignmentRulesSchema,
});
export type RuleSet = z.infer<typeof RuleSetSchema>;
