import type { AssignmentRule } from '../../schemas/rules';
import type { Ticket } from '../../schemas/ticket';
import type { User } from '../../schemas/user';
import type { EngineerScore } from '../assignment';

/** What a rule looks at on a new ticket. */
export type RuleSubject = Pick<Ticket, 'category' | 'siteId' | 'priority'>;

/** Who a rule may hand a ticket to: live engineers, by id (only active ones are ever chosen). */
export type AssignableEngineers = ReadonlyMap<string, Pick<User, 'role' | 'active' | '_deleted'>>;

export type AssignmentChoice = { rule: AssignmentRule; engineerId: string; score?: number };

/** The change naming the rule in the audit entry of a rule's assignment (the ticket page words it). */
export const ASSIGNMENT_RULE_CHANGE = 'assignmentRule';

/** Categories compare as the ranking's skills do, ignoring case; an empty list accepts any value. */
export function ruleMatches(rule: AssignmentRule, ticket: RuleSubject): boolean {
  const { categories, siteIds, priorities } = rule.match;
  const category = ticket.category.toLowerCase();
  return (
    (categories.length === 0 || categories.some((name) => name.toLowerCase() === category)) &&
    (siteIds.length === 0 || siteIds.includes(ticket.siteId)) &&
    (priorities.length === 0 || priorities.includes(ticket.priority))
  );
}

/** Whether any enabled rule that matches one of these tickets ranks engineers (so the ranking's data is worth loading). */
export function needsRanking(rules: readonly AssignmentRule[], tickets: readonly RuleSubject[]): boolean {
  return rules.some((rule) => rule.enabled && rule.action.kind === 'best_ranked' && tickets.some((ticket) => ruleMatches(rule, ticket)));
}

/**
 * The engineer the rules give a new ticket, and the rule that did: rules are tried in order and
 * disabled ones skipped. A matching rule that finds nobody — its named engineer is inactive, or
 * nobody ranks (high enough) — passes the ticket on to the next rule; with none left, the ticket
 * stays unassigned for the desk. `rank` is called only when a ranking rule matches.
 */
export function chooseAssignee(rules: readonly AssignmentRule[], ticket: RuleSubject, engineers: AssignableEngineers, rank: () => readonly EngineerScore[]): AssignmentChoice | undefined {
  for (const rule of rules) {
    if (!rule.enabled || !ruleMatches(rule, ticket)) continue;
    const { action } = rule;
    if (action.kind === 'engineer') {
      if (isAssignable(engineers.get(action.engineerId))) return { rule, engineerId: action.engineerId };
      continue;
    }
    const best = rank().find((entry) => isAssignable(engineers.get(entry.engineer.id)));
    if (best && best.score >= (action.minScore ?? 0)) return { rule, engineerId: best.engineer.id, score: best.score };
  }
  return undefined;
}

function isAssignable(user: Pick<User, 'role' | 'active' | '_deleted'> | undefined): boolean {
  return user !== undefined && user.role === 'engineer' && user.active && !user._deleted;
}
