import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarOf } from '@shared/domain/sla/calendar';
import { computeTicketSla } from '@shared/domain/sla/ticket-sla';
import type { Activity, Notification, Ticket } from '@shared/schemas';
import { createLogger } from '@server/logger';
import { computeAcl } from '@server/services/acl';
import { noticeId } from '@server/sla/notices';
import { type EmbeddedCouch, startEmbeddedCouch } from '@server/store/embedded-couch';
import { Store } from '@server/store/store';
import { buildTicket, insertWorld, PEOPLE, WORLD } from '../helpers/replication-world';
import { spawnServer, type SpawnedServer } from '../helpers/spawn-server';

/**
 * Several server processes on one store, sharing a clock the test moves (TEST_CLOCK_FILE): each
 * threshold of each ticket gives exactly one notification per recipient, also when a process is
 * killed between claiming a threshold and notifying, and restarted.
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const TICKETS = 12;
const secret = 'test-secret-test-secret-test-secret-0123';
let dataDir: string;
let clockFile: string;
let couch: EmbeddedCouch;
let store: Store;
let running: SpawnedServer[] = [];
const t0 = Date.parse('2026-03-02T09:00:00.000Z');

const setClock = (ms: number) => fs.writeFileSync(clockFile, new Date(ms).toISOString());
const env = (extra: Record<string, string> = {}) => ({
  COUCHDB_URL: couch.url, JWT_SECRET: secret, SEED_DEMO: 'false', TEST_CLOCK_FILE: clockFile, SLA_CHECK_INTERVAL_MS: '100', ...extra,
});

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-sla-two-'));
  clockFile = path.join(dataDir, 'clock.txt');
  setClock(t0);
  couch = await startEmbeddedCouch(dataDir);
  store = new Store(couch.url, 'fs_', createLogger('silent'));
  await store.init();
  await insertWorld(store);
  const policy = WORLD.slaPolicies[0]!;
  const calendar = calendarOf(policy, 'Europe/London');
  const tickets = Array.from({ length: TICKETS }, (_, index) => {
    const draft = buildTicket({ id: `tck-two-${String(index).padStart(2, '0')}`, siteId: 'site-a', status: 'assigned', assigneeId: PEOPLE.engA.id, createdAt: new Date(t0).toISOString(), updatedAt: new Date(t0).toISOString() });
    const { sla, statusChangedAt } = computeTicketSla({ calendar, targets: policy, ticket: draft, actionAt: new Date(t0), now: new Date(t0) });
    return { ...draft, sla, statusChangedAt };
  });
  await store.bulkInsert('tickets', tickets.map((doc) => ({ doc, acl: computeAcl('tickets', doc) })));
}, 120_000);

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  store?.close();
  await couch?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startPair() {
  running = await Promise.all([spawnServer(env()), spawnServer(env())]);
}
async function stopAll() {
  await Promise.all(running.map((server) => server.stop()));
  running = [];
}

async function allTickets(): Promise<Ticket[]> {
  return (await store.find('tickets', { _id: { $regex: '^tck-two-' } }, 1000)).map((stored) => stored.fields as Ticket);
}

/** Waits (polling the store) until every ticket has acted on these thresholds. */
async function waitForCrossed(keys: string[], timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tickets = await allTickets();
    if (tickets.length === TICKETS && tickets.every((ticket) => keys.every((key) => ticket.sla.crossed?.includes(key)))) return tickets;
    if (Date.now() > deadline) {
      const outputs = running.map((server) => server.output().slice(-2000)).join('\n---\n');
      throw new Error(`thresholds ${keys.join(', ')} not crossed on ${tickets.length} tickets in time: ${JSON.stringify(tickets[0]?.sla)}\n${outputs}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function notices() {
  const notifications = (await store.find('notifications', { type: 'notification' }, 10_000)).map((stored) => stored.fields as Notification);
  const activities = (await store.find('activities', { actorId: 'system-sla' }, 10_000)).map((stored) => stored.fields as Activity);
  return { notifications, activities };
}

const WARN = [PEOPLE.engA.id];
const BREACH = [PEOPLE.dispatcher.id, PEOPLE.engA.id, PEOPLE.managerA.id].sort();
const ADMINS = [PEOPLE.admin.id];
/** Expected recipients per threshold key, for every ticket. */
const EXPECTED: Record<string, string[]> = {
  'response.warn50': WARN, 'response.warn75': WARN, 'response.breach': BREACH,
  'resolution.warn50': WARN, 'resolution.warn75': WARN, 'resolution.breach': BREACH,
  'response.escalate2': ADMINS, 'resolution.escalate2': ADMINS,
};

/** The notification ids the checker must have written: one per (ticket, threshold, recipient), deterministic. */
function expectedNotificationIds(keys: string[]): string[] {
  const ids = Array.from({ length: TICKETS }, (_, index) => `tck-two-${String(index).padStart(2, '0')}`).flatMap((ticketId) =>
    keys.flatMap((key) => (EXPECTED[key] ?? []).map((userId) => noticeId('ntf', ticketId, key, userId))),
  );
  return ids.sort();
}

function expectExactlyOnce(notifications: Notification[], activities: Activity[], keys: string[]) {
  // Exactly the expected set: nothing missing, nothing extra (a duplicate would need a second id).
  expect(notifications.map((note) => note.id).sort()).toEqual(expectedNotificationIds(keys));
  expect(activities).toHaveLength(keys.length * TICKETS);
  for (const activity of activities) {
    const key = String(activity.changes.find((change) => change.field === 'sla.threshold')?.after);
    expect(activity.changes.find((change) => change.field === 'notified')?.after).toEqual(EXPECTED[key]);
  }
}

describe('SLA checker with two server processes on one store', () => {
  it('notifies each threshold of each ticket exactly once per recipient', async () => {
    await startPair();
    setClock(t0 + 61 * MIN); // response: 50%, 75% and breach
    const keys = ['response.warn50', 'response.warn75', 'response.breach'];
    const tickets = await waitForCrossed(keys);
    expect(tickets.every((ticket) => ticket.sla.escalationLevel === 1 && ticket.sla.state === 'breached')).toBe(true);
    // A few more runs of both processes change nothing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { notifications, activities } = await notices();
    expectExactlyOnce(notifications, activities, keys);
    await stopAll();
  }, 180_000);

  it('a process killed between claiming and notifying is completed after a restart: no duplicate, nothing missed', async () => {
    const crashing = await spawnServer(env({ SLA_TEST_CRASH_AFTER_CLAIMS: '5' }));
    running = [crashing];
    setClock(t0 + 8 * HOUR + MIN); // resolution: 50%, 75% and breach
    expect(await crashing.exited).not.toBe(0);
    running = [];
    const claimsAtCrash = await store.findPrivate('slaClaims', { threshold: { $regex: '^resolution' } }, 10_000);
    expect(claimsAtCrash.length).toBeGreaterThanOrEqual(5);
    // The crash left a claimed threshold without its notifications.
    const written = new Set((await notices()).notifications.map((note) => note.id));
    const unfinished = claimsAtCrash.filter((claim) =>
      (claim.recipients as string[]).some((userId) => !written.has(noticeId('ntf', String(claim.ticketId), String(claim.threshold), userId))),
    );
    expect(unfinished.length).toBeGreaterThan(0);
    await startPair();
    const keys = ['response.warn50', 'response.warn75', 'response.breach', 'resolution.warn50', 'resolution.warn75', 'resolution.breach'];
    await waitForCrossed(keys);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { notifications, activities } = await notices();
    expectExactlyOnce(notifications, activities, keys);
  }, 180_000);

  it('escalates to level 2 a day after each breach, to the admins, once', async () => {
    setClock(t0 + 32 * HOUR + MIN);
    const keys = Object.keys(EXPECTED);
    const tickets = await waitForCrossed(keys);
    expect(tickets.every((ticket) => ticket.sla.escalationLevel === 2 && ticket.sla.nextThresholdAt === undefined)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { notifications, activities } = await notices();
    expectExactlyOnce(notifications, activities, keys);
    const claims = await store.findPrivate('slaClaims', { threshold: { $gt: null } }, 10_000);
    expect(claims).toHaveLength(keys.length * TICKETS);
  }, 180_000);
});
