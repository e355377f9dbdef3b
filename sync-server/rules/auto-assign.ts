import { rankEngineers, type EngineerScore } from '@shared/domain/assignment';
import { chooseAssignee, needsRanking, type AssignmentChoice } from '@shared/domain/rules/assignment-rules';
import { WORK_ORDER_MACHINE } from '@shared/domain/state-machine';
import { explainStatusRefusal } from '@shared/domain/status-rules';
import type { AnyDoc } from '@shared/schemas/collections';
import type { Priority } from '@shared/schemas/common';
import type { Category } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import type { WorkOrder } from '@shared/schemas/work-order';
import type { ServiceDeps } from '../app-deps';
import { liveDocs } from '../services/live-docs';
import { readRuleSet } from './rule-set-store';

/** A ticket the push creates with nobody assigned: the admins' assignment rules may assign it. */
export function awaitsAssignment(before: AnyDoc | undefined, candidate: AnyDoc): candidate is Ticket {
  return !before && candidate.type === 'ticket' && !candidate._deleted && candidate.status === 'new' && !candidate.assigneeId;
}

/**
 * The engineer each of these new tickets goes to under the assignment rules, by ticket id (none
 * for a ticket no rule assigns). Reads the rules once per push, the engineers only when an enabled
 * rule exists, and the ranking's data (work orders, sites, categories) only when a ranking rule
 * matches; tickets of one category and site share one ranking (no ticket here adds work orders).
 */
export async function planAutoAssignments(deps: ServiceDeps, tickets: readonly Ticket[]): Promise<Map<string, AssignmentChoice>> {
  const choices = new Map<string, AssignmentChoice>();
  if (tickets.length === 0) return choices;
  const { ruleSet } = await readRuleSet(deps.store, deps.logger);
  const rules = ruleSet.assignment.filter((rule) => rule.enabled);
  if (rules.length === 0) return choices;
  const engineers = liveDocs<User>('users', await deps.store.find('users', { role: 'engineer' }, 100_000), deps.logger);
  const byId = new Map(engineers.map((user) => [user.id, user]));
  const rankFor = needsRanking(rules, tickets) ? memoized(await loadRanking(deps, engineers)) : undefined;
  for (const ticket of tickets) {
    const choice = chooseAssignee(rules, ticket, byId, () => rankFor?.(ticket) ?? []);
    if (choice && isAllowed(deps, ticket, choice)) choices.set(ticket.id, choice);
  }
  return choices;
}

/** The ticket as the rule leaves it: assigned to its engineer (the status move the desk makes). */
export function assignByRule(ticket: Ticket, choice: AssignmentChoice): Ticket {
  return { ...ticket, assigneeId: choice.engineerId, status: 'assigned' };
}

/** The state machine and the status rules have the last word: a refusal here is a bug, logged, and the ticket stays as pushed. */
function isAllowed(deps: ServiceDeps, ticket: Ticket, choice: AssignmentChoice): boolean {
  const refusal = explainStatusRefusal('tickets', undefined, assignByRule(ticket, choice), 'dispatcher');
  if (refusal) deps.logger.error({ ticketId: ticket.id, rule: choice.rule.id, refusal }, 'assignment rule chose a move the ticket rules refuse; left unassigned');
  return refusal === null;
}

type RankTicket = (ticket: Ticket) => EngineerScore[];

function memoized(rank: RankTicket): RankTicket {
  const rankings = new Map<string, EngineerScore[]>();
  return (ticket) => {
    const key = `${ticket.category.toLowerCase()}\u0000${ticket.siteId}`;
    const ranking = rankings.get(key) ?? rank(ticket);
    rankings.set(key, ranking);
    return ranking;
  };
}

/** What rankEngineers reads, as the desk's screen gives it (app/features/tickets/CreateWorkOrderSection.tsx). */
async function loadRanking(deps: ServiceDeps, engineers: User[]): Promise<RankTicket> {
  const { store, logger } = deps;
  const [storedWork, storedSites, storedCategories] = await Promise.all([
    // Every job of theirs: open ones make the load, any one's check-in the last known position.
    store.find('workOrders', { assigneeId: { $in: engineers.map((user) => user.id) } }, 1_000_000),
    store.find('sites', { type: 'site' }, 100_000),
    store.find('categories', { type: 'category' }, 1000),
  ]);
  const workOrders = liveDocs<WorkOrder>('workOrders', storedWork, logger);
  const openTicketIds = [...new Set(workOrders.filter((wo) => !WORK_ORDER_MACHINE.terminal.includes(wo.status)).flatMap((wo) => wo.ticketId ?? []))];
  const tickets = liveDocs<Ticket>('tickets', (await store.getMany('tickets', openTicketIds)).values(), logger);
  const ticketPriorities = new Map<string, Priority>(tickets.map((ticket) => [ticket.id, ticket.priority]));
  const sites = liveDocs<Site>('sites', storedSites, logger);
  const categories = liveDocs<Category>('categories', storedCategories, logger);
  const siteById = new Map(sites.map((site) => [site.id, site]));
  return (ticket) => rankEngineers({ ticket, site: siteById.get(ticket.siteId), engineers, workOrders, ticketPriorities, categories, sites });
}
