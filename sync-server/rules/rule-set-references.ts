import { ESCALATION_KINDS, type RuleSet } from '@shared/schemas/rules';
import { PRIORITIES } from '@shared/schemas/common';
import type { Category } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import type { ServiceDeps } from '../app-deps';
import { badRequest } from '../errors';
import { liveDocs } from '../services/live-docs';

type Reference = { field: string; problem: (found: Found) => string | undefined };
type Found = { users: Map<string, User>; siteIds: Set<string>; categories: string[] };

/**
 * What the schema cannot know: every user, engineer, site and category a rule names exists (and a
 * named engineer is an active engineer). The first that does not is a 400 naming its field, before
 * anything is stored.
 */
export async function checkRuleSetReferences(deps: ServiceDeps, ruleSet: RuleSet): Promise<void> {
  const references = referencesOf(ruleSet);
  if (references.length === 0) return;
  const found = await loadFound(deps, ruleSet);
  for (const reference of references) {
    const problem = reference.problem(found);
    if (problem) throw badRequest(`${reference.field}: ${problem}`, reference.field);
  }
}

function referencesOf(ruleSet: RuleSet): Reference[] {
  const references: Reference[] = [];
  for (const kind of ESCALATION_KINDS) {
    const rule = ruleSet.escalation[kind];
    const entries = [{ path: `escalation.${kind}`, recipients: rule }, ...PRIORITIES.flatMap((priority) => (rule.byPriority[priority] ? [{ path: `escalation.${kind}.byPriority.${priority}`, recipients: rule.byPriority[priority] }] : []))];
    for (const { path, recipients } of entries) {
      recipients.userIds.forEach((id, index) => references.push({ field: `${path}.userIds[${index}]`, problem: ({ users }) => (users.has(id) ? undefined : `${id} names no user`) }));
    }
  }
  ruleSet.assignment.forEach((rule, index) => {
    const path = `assignment[${index}]`;
    const { action, match } = rule;
    if (action.kind === 'engineer') references.push({ field: `${path}.action.engineerId`, problem: ({ users }) => engineerProblem(users.get(action.engineerId), action.engineerId) });
    match.siteIds.forEach((id, at) => references.push({ field: `${path}.match.siteIds[${at}]`, problem: ({ siteIds }) => (siteIds.has(id) ? undefined : `${id} names no site`) }));
    match.categories.forEach((name, at) =>
      references.push({
        field: `${path}.match.categories[${at}]`,
        // A store without categories takes any, as a ticket's category check does (services/ticket-context.ts).
        problem: ({ categories }) => (categories.length === 0 || categories.some((known) => known.toLowerCase() === name.toLowerCase()) ? undefined : `${name} is not a category`),
      }),
    );
  });
  return references;
}

function engineerProblem(user: User | undefined, id: string): string | undefined {
  if (!user) return `${id} names no user`;
  if (user.role !== 'engineer') return `${user.fullName} is not an engineer`;
  return user.active ? undefined : `${user.fullName} is inactive`;
}

async function loadFound(deps: ServiceDeps, ruleSet: RuleSet): Promise<Found> {
  const { store } = deps;
  const siteIds = [...new Set(ruleSet.assignment.flatMap((rule) => rule.match.siteIds))];
  const [users, sites, categories] = await Promise.all([store.find('users', { type: 'user' }, 100_000), store.getMany('sites', siteIds), store.find('categories', { type: 'category' }, 1000)]);
  return {
    users: new Map(liveDocs<User>('users', users, deps.logger).map((user) => [user.id, user])),
    siteIds: new Set(liveDocs<Site>('sites', [...sites.values()], deps.logger).map((site) => site.id)),
    categories: liveDocs<Category>('categories', categories, deps.logger).map((category) => category.name),
  };
}
