import type { Threshold } from '@shared/domain/sla/thresholds';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';

/**
 * Who hears about a threshold:
 * - warnings (50% and 75% of a target): the assignee, or the dispatchers while nobody is assigned;
 * - the breach (escalation level 1): the dispatchers, the site's managers and the assignee;
 * - level 2 (a day past the breach): the admins.
 * Only active users; sorted, so every process computes the same list.
 */
export function recipientsFor(threshold: Pick<Threshold, 'kind'>, ticket: Pick<Ticket, 'assigneeId' | 'siteId'>, users: readonly User[]): string[] {
  const active = users.filter((user) => user.active && !user._deleted);
  const ids = (list: readonly User[]) => list.map((user) => user.id);
  const dispatchers = ids(active.filter((user) => user.role === 'dispatcher'));
  const assignee = ticket.assigneeId && active.some((user) => user.id === ticket.assigneeId) ? [ticket.assigneeId] : [];
  let chosen: string[];
  switch (threshold.kind) {
    case 'warn50':
    case 'warn75':
      chosen = assignee.length > 0 ? assignee : dispatchers;
      break;
    case 'breach':
      chosen = [...dispatchers, ...ids(active.filter((user) => user.role === 'site_manager' && user.siteIds.includes(ticket.siteId))), ...assignee];
      break;
    case 'escalate2':
      chosen = ids(active.filter((user) => user.role === 'admin'));
      break;
  }
  return [...new Set(chosen)].sort();
}
