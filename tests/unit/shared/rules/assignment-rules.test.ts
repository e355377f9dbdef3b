import { describe, expect, it, vi } from 'vitest';
import { rankEngineers, type EngineerScore } from '@shared/domain/assignment';
import { chooseAssignee, needsRanking, ruleMatches } from '@shared/domain/rules/assignment-rules';
import { explainStatusRefusal } from '@shared/domain/status-rules';
import { explainTransitionRefusal, TICKET_MACHINE } from '@shared/domain/state-machine';
import { AssignmentRulesSchema, type AssignmentRule } from '@shared/schemas/rules';
import type { User } from '@shared/schemas/user';
import { buildAssignmentRule, buildCategory, buildSite, buildTicket, buildUser } from '../../../helpers/factories';

const erin = buildUser({ id: 'u-erin', fullName: 'Erin', skills: ['hvac'], siteIds: ['site-a'] });
const omar = buildUser({ id: 'u-omar', fullName: 'Omar', skills: ['plumbing'], siteIds: ['site-a'] });
const gone = buildUser({ id: 'u-gone', fullName: 'Gone', skills: ['hvac'], siteIds: ['site-a'], active: false });
const desk = buildUser({ id: 'u-desk', role: 'dispatcher', skills: ['hvac'] });
const engineers = new Map<string, User>([erin, omar, gone, desk].map((user) => [user.id, user]));
const siteA = buildSite({ id: 'site-a' });
const hvacTicket = buildTicket({ category: 'HVAC', siteId: 'site-a', priority: 'high' });

const rule = buildAssignmentRule;
const toErin = (overrides: Partial<AssignmentRule> = {}) => rule({ action: { kind: 'engineer', engineerId: 'u-erin' }, ...overrides });
const toOmar = (overrides: Partial<AssignmentRule> = {}) => rule({ action: { kind: 'engineer', engineerId: 'u-omar' }, ...overrides });
const rank = (users: readonly User[] = [...engineers.values()]) => () =>
  rankEngineers({ ticket: hvacTicket, site: siteA, engineers: users, workOrders: [], ticketPriorities: new Map(), categories: [buildCategory({ name: 'HVAC', skills: ['hvac'] })], sites: [siteA] });
const noRanking = () => {
  throw new Error('ranked without a ranking rule');
};

describe('assignment rules', () => {
  it('match on categories (any case), sites and priorities; an empty list accepts anything', () => {
    const match = (categories: string[], siteIds: string[], priorities: AssignmentRule['match']['priorities']) => ruleMatches(toErin({ match: { categories, siteIds, priorities } }), hvacTicket);
    expect(match([], [], [])).toBe(true);
    expect(match(['hvac', 'Plumbing'], ['site-a'], ['high', 'critical'])).toBe(true);
    expect(match(['Plumbing'], [], [])).toBe(false);
    expect(match([], ['site-b'], [])).toBe(false);
    expect(match([], [], ['low'])).toBe(false);
  });

  it('the first enabled rule that matches wins; disabled rules are skipped', () => {
    const rules = [toOmar({ match: { categories: ['Plumbing'], siteIds: [], priorities: [] } }), toErin({ enabled: false }), toOmar({ name: 'Site A to Omar' }), toErin()];
    expect(chooseAssignee(rules, hvacTicket, engineers, noRanking)).toMatchObject({ engineerId: 'u-omar', rule: { name: 'Site A to Omar' } });
    expect(chooseAssignee([toErin({ enabled: false })], hvacTicket, engineers, noRanking)).toBeUndefined();
    expect(chooseAssignee([], hvacTicket, engineers, noRanking)).toBeUndefined();
  });

  it('never chooses an inactive engineer or a non-engineer: their rule passes the ticket on', () => {
    const toGone = rule({ action: { kind: 'engineer', engineerId: 'u-gone' } });
    const toDesk = rule({ action: { kind: 'engineer', engineerId: 'u-desk' } });
    const toNobody = rule({ action: { kind: 'engineer', engineerId: 'u-unknown' } });
    expect(chooseAssignee([toGone, toDesk, toNobody, toOmar()], hvacTicket, engineers, noRanking)?.engineerId).toBe('u-omar');
    expect(chooseAssignee([toGone], hvacTicket, engineers, noRanking)).toBeUndefined();
    // A ranking that somehow lists an inactive engineer first still skips them.
    const goneFirst = () => [{ engineer: gone, score: 100 } as EngineerScore, ...rank()()];
    expect(chooseAssignee([rule({ action: { kind: 'best_ranked' } })], hvacTicket, engineers, goneFirst)?.engineerId).toBe('u-erin');
    // …and when the engineers map says they left meanwhile, nobody is chosen from a stale ranking.
    const erinLeft = new Map(engineers).set('u-erin', { ...erin, active: false });
    expect(chooseAssignee([rule({ action: { kind: 'best_ranked' } })], hvacTicket, erinLeft, rank([erin]))).toBeUndefined();
  });

  it('best ranked: the top of rankEngineers when the score reaches the minimum, else the next rule', () => {
    const best = rule({ name: 'Best', action: { kind: 'best_ranked' } });
    expect(chooseAssignee([best], hvacTicket, engineers, rank())).toMatchObject({ engineerId: 'u-erin', score: 100 });
    const picky = rule({ name: 'Picky', action: { kind: 'best_ranked', minScore: 100 } });
    expect(chooseAssignee([picky], hvacTicket, engineers, rank([omar]))).toBeUndefined();
    expect(chooseAssignee([picky, toOmar({ name: 'Fallback' })], hvacTicket, engineers, rank([omar]))?.rule.name).toBe('Fallback');
    const ranking = vi.fn(rank());
    chooseAssignee([toErin(), best], hvacTicket, engineers, ranking);
    expect(ranking).not.toHaveBeenCalled();
  });

  it('knows when the ranking’s data is needed at all', () => {
    const best = rule({ action: { kind: 'best_ranked' }, match: { categories: ['Plumbing'], siteIds: [], priorities: [] } });
    expect(needsRanking([toErin(), best], [hvacTicket])).toBe(false);
    expect(needsRanking([best], [hvacTicket, { ...hvacTicket, category: 'plumbing' }])).toBe(true);
    expect(needsRanking([{ ...best, enabled: false }], [{ ...hvacTicket, category: 'plumbing' }])).toBe(false);
  });

  it('assigning a new ticket is a move the state machine allows the desk, and an assigned ticket has its assignee', () => {
    expect(explainTransitionRefusal(TICKET_MACHINE, 'new', 'assigned', 'dispatcher')).toBeNull();
    expect(explainStatusRefusal('tickets', undefined, { ...hvacTicket, status: 'assigned', assigneeId: 'u-erin' }, 'dispatcher')).toBeNull();
  });

  it('the list refuses two rules of one id or one name, naming the later one', () => {
    const first = toErin({ name: 'HVAC to Erin' });
    expect(AssignmentRulesSchema.safeParse([first, { ...toOmar(), id: first.id }]).error?.issues[0]).toMatchObject({ path: [1, 'id'] });
    expect(AssignmentRulesSchema.safeParse([first, toOmar({ name: 'hvac to erin' })]).error?.issues[0]).toMatchObject({ path: [1, 'name'], message: 'another rule is called hvac to erin' });
  });
});
