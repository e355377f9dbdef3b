import type { EscalationRule, RuleSet } from '../../schemas/rules';

const rule = (groups: EscalationRule['groups'], otherwise: EscalationRule['otherwise'] = []): EscalationRule => ({ groups, userIds: [], otherwise, byPriority: {} });

/**
 * The rules in force until an admin saves others: who has always been told (DESIGN.md's SLA
 * engine), and no assignment rules, so new tickets wait for the desk as they always did.
 * - warnings (50% and 75% of a target): the assignee, or the dispatchers while nobody is assigned;
 * - the breach (escalation level 1): the dispatchers, the site's managers and the assignee;
 * - level 2 (a day past the breach): the admins.
 */
export const DEFAULT_RULE_SET: RuleSet = {
  escalation: {
    warn50: rule(['assignee'], ['dispatchers']),
    warn75: rule(['assignee'], ['dispatchers']),
    breach: rule(['dispatchers', 'site_managers', 'assignee']),
    escalate2: rule(['admins']),
  },
  assignment: [],
};
