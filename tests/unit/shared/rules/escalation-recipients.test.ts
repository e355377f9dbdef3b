import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '@shared/domain/rules/defaults';
import { buildRecipientDirectory, escalationRecipients } from '@shared/domain/rules/escalation-recipients';
import { THRESHOLD_KINDS, type ThresholdKind } from '@shared/domain/sla/thresholds';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import { RuleSetSchema, type EscalationRules } from '@shared/schemas/rules';
import { buildTicket, buildUser } from '../../../helpers/factories';

const people = [
  buildUser({ id: 'u-eng', role: 'engineer' }),
  buildUser({ id: 'u-eng-off', role: 'engineer', active: false }),
  buildUser({ id: 'u-desk1', role: 'dispatcher' }),
  buildUser({ id: 'u-desk2', role: 'dispatcher' }),
  buildUser({ id: 'u-desk-gone', role: 'dispatcher', _deleted: true }),
  buildUser({ id: 'u-mgr-a', role: 'site_manager', siteIds: ['site-a'] }),
  buildUser({ id: 'u-mgr-ab', role: 'site_manager', siteIds: ['site-b', 'site-a'] }),
  buildUser({ id: 'u-mgr-off', role: 'site_manager', siteIds: ['site-a'], active: false }),
  buildUser({ id: 'u-admin', role: 'admin' }),
];
const directory = buildRecipientDirectory(people);

/** The hard-coded rule the SLA checker used before rules were configurable (sync-server/sla/recipients.ts), kept as the oracle. */
function todaysRecipients(kind: ThresholdKind, ticket: Pick<Ticket, 'assigneeId' | 'siteId'>, users: readonly User[]): string[] {
  const active = users.filter((user) => user.active && !user._deleted);
  const ids = (list: readonly User[]) => list.map((user) => user.id);
  const dispatchers = ids(active.filter((user) => user.role === 'dispatcher'));
  const assignee = ticket.assigneeId && active.some((user) => user.id === ticket.assigneeId) ? [ticket.assigneeId] : [];
  const chosen =
    kind === 'warn50' || kind === 'warn75'
      ? assignee.length > 0 ? assignee : dispatchers
      : kind === 'breach'
        ? [...dispatchers, ...ids(active.filter((user) => user.role === 'site_manager' && user.siteIds.includes(ticket.siteId))), ...assignee]
        : ids(active.filter((user) => user.role === 'admin'));
  return [...new Set(chosen)].sort();
}

describe('escalation recipients', () => {
  it('the default rules tell exactly whom the hard-coded rule told, for every threshold and kind of ticket', () => {
    const assignees = [undefined, 'u-eng', 'u-eng-off', 'u-desk1', 'u-nobody'];
    const sites = ['site-a', 'site-b', 'site-z'];
    let compared = 0;
    for (const kind of THRESHOLD_KINDS) {
      for (const assigneeId of assignees) {
        for (const siteId of sites) {
          const ticket = buildTicket({ assigneeId, siteId, priority: 'medium' });
          expect(escalationRecipients(DEFAULT_RULE_SET.escalation, kind, ticket, directory), `${kind} ${assigneeId} ${siteId}`).toEqual(todaysRecipients(kind, ticket, people));
          compared += 1;
        }
      }
    }
    expect(compared).toBe(60);
  });

  it('spells out the defaults: warnings to the assignee or else the desk; the breach to desk, managers and assignee; level 2 to admins', () => {
    const assigned = buildTicket({ assigneeId: 'u-eng', siteId: 'site-a' });
    const unassigned = buildTicket({ siteId: 'site-a' });
    const rules = DEFAULT_RULE_SET.escalation;
    expect(escalationRecipients(rules, 'warn50', assigned, directory)).toEqual(['u-eng']);
    expect(escalationRecipients(rules, 'warn75', unassigned, directory)).toEqual(['u-desk1', 'u-desk2']);
    expect(escalationRecipients(rules, 'breach', assigned, directory)).toEqual(['u-desk1', 'u-desk2', 'u-eng', 'u-mgr-a', 'u-mgr-ab']);
    expect(escalationRecipients(rules, 'escalate2', assigned, directory)).toEqual(['u-admin']);
  });

  it('follows changed rules: named users (active only), a priority’s own entry, and `otherwise` only when nobody else is reached', () => {
    const rules: EscalationRules = {
      ...DEFAULT_RULE_SET.escalation,
      breach: {
        groups: ['assignee'],
        userIds: ['u-admin', 'u-eng-off'],
        otherwise: [],
        byPriority: { critical: { groups: ['admins', 'site_managers'], userIds: [], otherwise: [] } },
      },
      warn50: { groups: ['assignee'], userIds: [], otherwise: ['site_managers'], byPriority: {} },
    };
    const high = buildTicket({ assigneeId: 'u-eng', siteId: 'site-b', priority: 'high' });
    const critical = { ...high, priority: 'critical' as const };
    expect(escalationRecipients(rules, 'breach', high, directory)).toEqual(['u-admin', 'u-eng']);
    expect(escalationRecipients(rules, 'breach', critical, directory)).toEqual(['u-admin', 'u-mgr-ab']);
    expect(escalationRecipients(rules, 'warn50', high, directory)).toEqual(['u-eng']);
    expect(escalationRecipients(rules, 'warn50', { ...high, assigneeId: undefined }, directory)).toEqual(['u-mgr-ab']);
    // The inactive engineer named alone reaches nobody: the threshold tells no one rather than them.
    const onlyInactive: EscalationRules = { ...rules, escalate2: { groups: [], userIds: ['u-eng-off'], otherwise: [], byPriority: {} } };
    expect(escalationRecipients(onlyInactive, 'escalate2', high, directory)).toEqual([]);
  });

  it('the schema refuses a group listed twice, naming the entry', () => {
    const broken = { ...DEFAULT_RULE_SET, escalation: { ...DEFAULT_RULE_SET.escalation, breach: { ...DEFAULT_RULE_SET.escalation.breach, groups: ['admins', 'admins'] } } };
    const parsed = RuleSetSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['escalation', 'breach', 'groups', 1], message: 'admins is listed twice' });
    expect(RuleSetSchema.safeParse(DEFAULT_RULE_SET).success).toBe(true);
  });
});
