import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '@shared/domain/rules/defaults';
import type { Notification, Ticket } from '@shared/schemas';
import type { EscalationRules } from '@shared/schemas/rules';
import { RULES_ADMIN_PATH, type RuleSetResponse } from '@shared/sync/rules-admin-protocol';
import { signAccessToken } from '@server/auth/access-token';
import { SlaChecker } from '@server/sla/checker';
import { TestApi } from '../helpers/api-client';
import { MovableClock } from '../helpers/movable-clock';
import { buildTicket, insertWorld, PEOPLE } from '../helpers/replication-world';
import { pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** The SLA checker tells whom the admins' escalation rules name, and a rule change never tells anyone twice. */
const secret = 'test-secret-test-secret-test-secret-0123';
const MIN = 60_000;
let server: TestServer;
const clock = new MovableClock();

beforeAll(async () => {
  server = await startTestServer({ seed: false, clock });
  await insertWorld(server.store);
});
afterAll(async () => server?.stop());

const admin = () => new TestApi(server.url, signAccessToken(PEOPLE.admin, secret, clock.now()));
const dispatcher = () => new TestApi(server.url, signAccessToken(PEOPLE.dispatcher, secret, clock.now()));

async function saveEscalation(escalation: EscalationRules): Promise<void> {
  const { revision, assignment } = (await admin().get<RuleSetResponse>(RULES_ADMIN_PATH)).body;
  const reply = await admin().request('PUT', RULES_ADMIN_PATH, { escalation, assignment, revision });
  expect(reply.status).toBe(200);
}

async function createTicket(id: string): Promise<Ticket> {
  const ticket = buildTicket({ id, siteId: 'site-a', reportedBy: PEOPLE.dispatcher.id, status: 'assigned', assigneeId: PEOPLE.engA.id });
  expect((await pushRows(dispatcher(), 'tickets', [{ newDocumentState: ticket }])).status).toBe(200);
  return (await server.store.get('tickets', id))?.fields as Ticket;
}

/** Who was told about each threshold of a ticket, as `response.breach: user, user`. */
/** The SLA notices about a ticket (its engineer's "assigned to you" alert is not one), by threshold. */
async function noticesOf(ticketId: string): Promise<Record<string, string[]>> {
  const notices = (await server.store.find('notifications', { subjectId: ticketId }, 1000)).map((stored) => stored.fields as Notification).filter((notice) => notice.due !== undefined);
  const told: Record<string, string[]> = {};
  for (const notice of notices) {
    const threshold = `${notice.due?.target}.${notice.kind}`;
    told[threshold] = [...(told[threshold] ?? []), notice.userId].sort();
  }
  return told;
}

const breachToAdminAndEngB: EscalationRules = {
  ...DEFAULT_RULE_SET.escalation,
  warn50: { groups: ['site_managers'], userIds: [], otherwise: [], byPriority: {} },
  breach: { groups: ['admins'], userIds: [PEOPLE.engB.id], otherwise: [], byPriority: {} },
};

describe('the SLA checker under the admins’ escalation rules', () => {
  it('notifies whom the changed rules name, threshold by threshold', async () => {
    await saveEscalation(breachToAdminAndEngB);
    await createTicket('tck-rules-1');
    clock.advance(61 * MIN); // past the response's 50% and 75% and its breach
    await new SlaChecker(server, { batch: 500 }).runOnce();
    const told = await noticesOf('tck-rules-1');
    // warn50 → the site's manager; warn75 → still the assignee (default); breach → admins and engineer B.
    expect(told).toEqual({
      'response.sla_warning': [PEOPLE.engA.id, PEOPLE.managerA.id].sort(),
      'response.sla_breached': [PEOPLE.admin.id, PEOPLE.engB.id].sort(),
    });
  });

  it('a rule change after a threshold was acted on tells nobody again, nor anyone new about it', async () => {
    const before = await noticesOf('tck-rules-1');
    await saveEscalation({ ...breachToAdminAndEngB, breach: { groups: ['dispatchers', 'site_managers'], userIds: [], otherwise: [], byPriority: {} } });
    const again = await new SlaChecker(server, { batch: 500 }).runOnce();
    expect(again.notifications).toBe(0);
    expect(await noticesOf('tck-rules-1')).toEqual(before);
  });

  it('a threshold claimed before the change (its process died before telling anyone) is told to whom its claim recorded', async () => {
    await saveEscalation(DEFAULT_RULE_SET.escalation);
    await createTicket('tck-rules-2');
    clock.advance(61 * MIN);
    // The process dies between its claims and its notices, as tests/integration/sla-two-processes does with a real process.
    const crashing = new SlaChecker(server, {
      batch: 500,
      afterClaim: () => {
        throw new Error('process died after claiming');
      },
    });
    await expect(crashing.runOnce()).rejects.toThrow('process died after claiming');
    expect(await noticesOf('tck-rules-2')).toEqual({});
    // Meanwhile an admin sends breaches to the admins only; the next run completes the claimed thresholds as claimed.
    await saveEscalation({ ...DEFAULT_RULE_SET.escalation, breach: { groups: ['admins'], userIds: [], otherwise: [], byPriority: {} } });
    await new SlaChecker(server, { batch: 500 }).runOnce();
    expect(await noticesOf('tck-rules-2')).toEqual({
      'response.sla_warning': [PEOPLE.engA.id, PEOPLE.engA.id],
      'response.sla_breached': [PEOPLE.dispatcher.id, PEOPLE.engA.id, PEOPLE.managerA.id].sort(),
    });
    expect((await new SlaChecker(server, { batch: 500 }).runOnce()).notifications).toBe(0);
  });
});
