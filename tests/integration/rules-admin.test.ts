import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '@shared/domain/rules/defaults';
import type { Activity } from '@shared/schemas/misc';
import type { RuleSet } from '@shared/schemas/rules';
import { RULES_ADMIN_PATH, type RuleSetResponse } from '@shared/sync/rules-admin-protocol';
import { TestApi } from '../helpers/api-client';
import { buildAssignmentRule } from '../helpers/factories';
import { apiAs, insertWorld, PEOPLE } from '../helpers/replication-world';
import { pullAll } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

type ErrorReply = { error: string; message: string; field?: string };

const secret = 'test-secret-test-secret-test-secret-0123';
let server: TestServer;
let admin: TestApi;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await insertWorld(server.store);
  admin = apiAs(server.url, PEOPLE.admin, secret);
});
afterAll(async () => server?.stop());

const current = async () => (await admin.get<RuleSetResponse>(RULES_ADMIN_PATH)).body;
const put = (api: TestApi, body: unknown) => api.request<RuleSetResponse & ErrorReply>('PUT', RULES_ADMIN_PATH, body);
const rulesOf = ({ escalation, assignment }: RuleSet): RuleSet => ({ escalation, assignment });
const toEngA = buildAssignmentRule({ id: 'rule-site-a', name: 'Site A to engineer A', match: { categories: ['HVAC'], siteIds: ['site-a'], priorities: [] }, action: { kind: 'engineer', engineerId: PEOPLE.engA.id } });
const breachToAdmins: RuleSet['escalation'] = { ...DEFAULT_RULE_SET.escalation, breach: { groups: ['admins'], userIds: [PEOPLE.engB.id], otherwise: [], byPriority: {} } };

describe('/api/admin/rules', () => {
  it('is for admins only', async () => {
    const dispatcher = apiAs(server.url, PEOPLE.dispatcher, secret);
    expect((await dispatcher.get<ErrorReply>(RULES_ADMIN_PATH)).status).toBe(403);
    expect((await put(dispatcher, { ...DEFAULT_RULE_SET, revision: null })).status).toBe(403);
    expect((await put(apiAs(server.url, PEOPLE.engA, secret), { ...DEFAULT_RULE_SET, revision: null })).status).toBe(403);
    expect((await new TestApi(server.url).get(RULES_ADMIN_PATH)).status).toBe(401);
  });

  it('answers the defaults, with no revision, before anyone saved rules', async () => {
    const answer = await current();
    expect(rulesOf(answer)).toEqual(DEFAULT_RULE_SET);
    expect(answer.revision).toBeNull();
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ ...DEFAULT_RULE_SET, assignment: [{ ...toEngA, name: '  ' }], revision: null }, 'assignment[0].name'],
      [{ ...DEFAULT_RULE_SET, assignment: [{ ...toEngA, action: { kind: 'round_robin' } }], revision: null }, 'assignment[0].action.kind'],
      [{ ...DEFAULT_RULE_SET, escalation: { ...breachToAdmins, breach: { ...breachToAdmins.breach, groups: ['admins', 'janitors'] } }, revision: null }, 'escalation.breach.groups[1]'],
      [{ ...DEFAULT_RULE_SET, assignment: [{ ...toEngA, action: { kind: 'engineer', engineerId: 'u-nobody' } }], revision: null }, 'assignment[0].action.engineerId'],
      [{ ...DEFAULT_RULE_SET, assignment: [{ ...toEngA, action: { kind: 'engineer', engineerId: PEOPLE.dispatcher.id } }], revision: null }, 'assignment[0].action.engineerId'],
      [{ ...DEFAULT_RULE_SET, assignment: [{ ...toEngA, match: { ...toEngA.match, siteIds: ['site-a', 'site-x'] } }], revision: null }, 'assignment[0].match.siteIds[1]'],
      [{ ...DEFAULT_RULE_SET, escalation: { ...breachToAdmins, warn50: { ...breachToAdmins.warn50, byPriority: { critical: { groups: [], userIds: ['u-ghost'], otherwise: [] } } } }, revision: null }, 'escalation.warn50.byPriority.critical.userIds[0]'],
      [{ ...DEFAULT_RULE_SET }, 'revision'],
    ];
    for (const [body, field] of cases) {
      const reply = await put(admin, body);
      expect({ status: reply.status, field: reply.body.field }, reply.body.message).toEqual({ status: 400, field });
      expect(reply.body.message).toContain(field);
    }
    expect(await current()).toEqual({ ...DEFAULT_RULE_SET, revision: null });
    expect(await server.store.find('activities', { subjectId: 'rules' }, 10)).toEqual([]);
  });

  it('saves from the current revision, records the change in the audit trail, and refuses a stale revision with a 409', async () => {
    const saved = await put(admin, { escalation: breachToAdmins, assignment: [toEngA], revision: null });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ escalation: breachToAdmins, assignment: [toEngA], updatedBy: PEOPLE.admin.id });
    expect(saved.body.revision).toEqual(expect.any(String));
    expect(await current()).toEqual(saved.body);

    const [activity] = (await pullAll(apiAs(server.url, PEOPLE.dispatcher, secret), 'activities', 1000)).documents.filter((doc): doc is Activity => doc.type === 'activity' && doc.subjectId === 'rules');
    expect(activity).toMatchObject({ subjectType: 'ruleSet', action: 'created', actorId: PEOPLE.admin.id });
    expect(activity?.changes).toEqual([
      { field: 'escalation.breach', before: DEFAULT_RULE_SET.escalation.breach, after: breachToAdmins.breach },
      { field: 'assignment', before: [], after: [toEngA] },
    ]);
    // Nobody outside the desk reads it.
    expect((await pullAll(apiAs(server.url, PEOPLE.engA, secret), 'activities', 1000)).documents.filter((doc) => doc.id === activity?.id)).toEqual([]);

    // A second admin's edit from the defaults (the revision they opened) would overwrite this one unseen.
    const stale = await put(admin, { ...DEFAULT_RULE_SET, revision: null });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'conflict', field: 'revision' });
    const later = await put(admin, { escalation: breachToAdmins, assignment: [], revision: 'not-a-revision' });
    expect(later.status).toBe(409);
    expect(await current()).toEqual(saved.body);

    const disabled = await put(admin, { escalation: breachToAdmins, assignment: [{ ...toEngA, enabled: false }], revision: saved.body.revision });
    expect(disabled.status).toBe(200);
    expect(disabled.body.revision).not.toBe(saved.body.revision);
    const trail = await server.store.find('activities', { subjectId: 'rules' }, 10);
    expect(trail.map((stored) => stored.fields.action).sort()).toEqual(['created', 'updated']);
  });

  it('of two admins saving from one revision at the same moment, exactly one wins', async () => {
    const { revision, escalation } = await current();
    const replies = await Promise.all([
      put(admin, { escalation, assignment: [toEngA], revision }),
      put(admin, { escalation, assignment: [{ ...toEngA, name: 'Another name' }], revision }),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const winner = replies.find((reply) => reply.status === 200);
    expect(await current()).toEqual(winner?.body);
  });
});
