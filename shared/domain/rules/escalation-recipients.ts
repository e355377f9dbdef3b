import type { Priority } from '../../schemas/common';
import type { EscalationRules, RecipientGroup, Recipients } from '../../schemas/rules';
import type { Ticket } from '../../schemas/ticket';
import type { User } from '../../schemas/user';
import type { ThresholdKind } from '../sla/thresholds';

/**
 * The people a notice can reach, sorted into the recipient groups once, so choosing the recipients
 * of each threshold costs a few lookups rather than a pass over every user (the SLA checker builds
 * one per run). Only active, live users are in it: nobody else is ever told.
 */
export type RecipientDirectory = {
  active: ReadonlySet<string>;
  dispatchers: readonly string[];
  admins: readonly string[];
  managersBySite: ReadonlyMap<string, readonly string[]>;
};

export function buildRecipientDirectory(users: readonly Pick<User, 'id' | 'role' | 'siteIds' | 'active' | '_deleted'>[]): RecipientDirectory {
  const reachable = users.filter((user) => user.active && !user._deleted);
  const managersBySite = new Map<string, string[]>();
  for (const manager of reachable.filter((user) => user.role === 'site_manager')) {
    for (const siteId of manager.siteIds) managersBySite.set(siteId, [...(managersBySite.get(siteId) ?? []), manager.id]);
  }
  const idsOf = (role: User['role']) => reachable.filter((user) => user.role === role).map((user) => user.id);
  return { active: new Set(reachable.map((user) => user.id)), dispatchers: idsOf('dispatcher'), admins: idsOf('admin'), managersBySite };
}

type NoticeSubject = Pick<Ticket, 'assigneeId' | 'siteId' | 'priority'>;

/** The recipients that apply to a ticket of this priority: its priority's own entry, else the threshold's. */
export function recipientsRuleFor(rules: EscalationRules, kind: ThresholdKind, priority: Priority): Recipients {
  const rule = rules[kind];
  return rule.byPriority[priority] ?? rule;
}

/**
 * Who is told about a threshold on a ticket: the groups and named users of the rule that applies,
 * or its `otherwise` groups when those reach nobody. Sorted without repeats, so every server
 * process computes the same list (the SLA checker's claims record it: sync-server/sla/claims.ts).
 */
export function escalationRecipients(rules: EscalationRules, kind: ThresholdKind, ticket: NoticeSubject, directory: RecipientDirectory): string[] {
  const rule = recipientsRuleFor(rules, kind, ticket.priority);
  const named = rule.userIds.filter((id) => directory.active.has(id));
  let chosen = [...rule.groups.flatMap((group) => membersOf(group, ticket, directory)), ...named];
  if (chosen.length === 0) chosen = rule.otherwise.flatMap((group) => membersOf(group, ticket, directory));
  return [...new Set(chosen)].sort();
}

function membersOf(group: RecipientGroup, ticket: NoticeSubject, directory: RecipientDirectory): readonly string[] {
  switch (group) {
    case 'assignee':
      return ticket.assigneeId && directory.active.has(ticket.assigneeId) ? [ticket.assigneeId] : [];
    case 'dispatchers':
      return directory.dispatchers;
    case 'site_managers':
      return directory.managersBySite.get(ticket.siteId) ?? [];
    case 'admins':
      return directory.admins;
  }
}
