import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { calendarOf } from '@shared/domain/sla/calendar';
import { computeTicketSla } from '@shared/domain/sla/ticket-sla';
import type { SlaPolicy } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import type { Clock } from '@server/clock';
import { loadConfig } from '@server/config';
import { createLogger } from '@server/logger';
import { computeAcl } from '@server/services/acl';
import { CACHED_COLLECTIONS } from '@server/server';
import { SlaChecker } from '@server/sla/checker';
import { startEmbeddedCouch } from '@server/store/embedded-couch';
import { Store } from '@server/store/store';

const OPEN_TICKETS = 100_000;
const CROSSING = 100;
const INSERT_CHUNK = 5_000;
/** One ticket in SPACING is in a set of CROSSING (the warm-up's or a timed run's). */
const SPACING = OPEN_TICKETS / CROSSING;
const MIN = 60_000;
const WARM_UP_BEFORE = 10 * MIN;
export const TIMED_RUNS = 5;
/** Where in each SPACING the sets' tickets sit: set 0 (warm-up) at 0, set k at k × SET_STRIDE. */
const SET_STRIDE = Math.floor(SPACING / (TIMED_RUNS + 1));
/** Timed run k happens at now − (TIMED_RUNS − 1 − k) minutes. */
const runAt = (now: Date, run: number) => new Date(now.getTime() - (TIMED_RUNS - 1 - run) * MIN);

/**
 * The SLA checker's cost on a big store: 100,000 open tickets (bulk-inserted straight into a fresh
 * embedded store). Times TIMED_RUNS checker runs a minute apart, each finding its own 100 tickets
 * whose response warning has just passed, after the `sla.nextThresholdAt` index is built (a real
 * server builds it once and keeps it up to date) and after one warm-up run ten minutes earlier over
 * another 100 tickets (a server runs the checker every minute, so its code is compiled and its
 * connections open; a first run in a new process mostly measures that). Between runs the bench
 * waits for the checker's index refresh, as the minute between runs would.
 */
export async function benchSlaChecker(): Promise<{ ms: number[]; tickets: number; crossed: number[]; indexMs: number; seedMs: number; cacheMs: number; cache: Record<'loading' | 'ready' | 'off', number> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-bench-sla-'));
  const couch = await startEmbeddedCouch(dataDir);
  const logger = createLogger('warn');
  const store = new Store(couch.url, 'fs_', logger);
  try {
    await store.init();
    const now = new Date();
    const seedStarted = performance.now();
    await seedWorld(store, now);
    const seedMs = performance.now() - seedStarted;
    const indexStarted = performance.now();
    await store.find('tickets', { 'sla.nextThresholdAt': { $lte: '1970-01-01T00:00:00.000Z' } }, 1);
    const indexMs = performance.now() - indexStarted;
    let clockAt = new Date(now.getTime() - WARM_UP_BEFORE);
    const clock: Clock = { now: () => clockAt };
    const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
    // A running server holds its collections' changes feeds in memory (sync-server/server.ts); the
    // checker reads due tickets from the tickets' one, kept ordered by next threshold.
    const cacheStarted = performance.now();
    store.cacheChanges(CACHED_COLLECTIONS, config.PULL_CACHE_MAX_DOCS);
    await store.changesCachesLoaded();
    const cacheMs = performance.now() - cacheStarted;
    const checker = new SlaChecker({ config, store, logger, clock }, { batch: config.SLA_CHECK_BATCH });
    const warmUp = await checker.runOnce();
    if (warmUp.tickets !== CROSSING) throw new Error(`the warm-up run found ${warmUp.tickets} due tickets, not ${CROSSING}`);
    // What the minute between two runs gives the server: the index takes in the warm-up's writes.
    await checker.indexRefreshed;
    const ms: number[] = [];
    const crossed: number[] = [];
    for (let run = 0; run < TIMED_RUNS; run++) {
      clockAt = runAt(now, run);
      const started = performance.now();
      const result = await checker.runOnce();
      ms.push(Math.round(performance.now() - started));
      crossed.push(result.tickets);
      await checker.indexRefreshed;
    }
    return { ms, tickets: OPEN_TICKETS, crossed, indexMs: Math.round(indexMs), seedMs: Math.round(seedMs), cacheMs: Math.round(cacheMs), cache: store.changesCacheStatus() };
  } finally {
    store.close();
    await couch.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function seedWorld(store: Store, now: Date): Promise<void> {
  const stamp = { createdAt: now.toISOString(), updatedAt: now.toISOString(), _deleted: false };
  const site: Site = { ...stamp, id: 'site-bench', type: 'site', code: 'BENCH', name: 'Bench site', address: '1 Bench Road', location: { lat: 51.5, lng: 0 }, timezone: 'Europe/London' };
  const policy: SlaPolicy = { ...stamp, id: 'sla-bench', type: 'slaPolicy', name: 'Bench 24×7', priority: 'high', responseMinutes: 60, resolutionMinutes: 480, businessHours: [], holidays: [] };
  const users: User[] = (['dispatcher', 'engineer', 'admin'] as const).map((role) => ({
    ...stamp, id: `user-${role}`, type: 'user', username: role, fullName: `Bench ${role}`, email: `${role}@bench.example`, role, siteIds: [], skills: [], active: true,
  }));
  await store.bulkInsert('sites', [{ doc: site, acl: computeAcl('sites', site) }]);
  await store.bulkInsert('slaPolicies', [{ doc: policy, acl: computeAcl('slaPolicies', policy) }]);
  await store.bulkInsert('users', users.map((doc) => ({ doc, acl: computeAcl('users', doc) })));
  const calendar = calendarOf(policy, site.timezone);
  const slaFrom = (created: Date) => computeTicketSla({ calendar, targets: policy, ticket: { createdAt: created.toISOString(), status: 'assigned' }, actionAt: created, now: created });
  const fresh = slaFrom(now);
  // Set k's response warning (50% of 60 minutes) falls half a minute before run k; its next
  // threshold (75%) is 15 minutes later, after every run.
  const crossingCreated = Array.from({ length: TIMED_RUNS }, (_, run) => new Date(runAt(now, run).getTime() - 30 * MIN - 30_000));
  const crossing = crossingCreated.map(slaFrom);
  // 50% and 75% of the response due 27 and 12 minutes ago, the breach 3 minutes from now.
  const warmUpCreated = new Date(now.getTime() - 57 * MIN);
  const warmUp = slaFrom(warmUpCreated);
  for (let start = 0; start < OPEN_TICKETS; start += INSERT_CHUNK) {
    const docs: Ticket[] = [];
    for (let index = start; index < Math.min(OPEN_TICKETS, start + INSERT_CHUNK); index++) {
      // Every SPACING-th ticket belongs to a set: the warm-up's, then each timed run's.
      const slot = index % SPACING;
      const set = slot % SET_STRIDE === 0 && slot / SET_STRIDE <= TIMED_RUNS ? slot / SET_STRIDE : undefined;
      const { sla, statusChangedAt } = set === undefined ? fresh : set === 0 ? warmUp : crossing[set - 1]!;
      const createdAt = (set === undefined ? now : set === 0 ? warmUpCreated : crossingCreated[set - 1]!).toISOString();
      docs.push({
        id: `tck-bench-${String(index).padStart(6, '0')}`, type: 'ticket', number: `TCK-${String(index + 1).padStart(6, '0')}`,
        title: 'Bench ticket', description: '', category: 'HVAC', priority: 'high', status: 'assigned', siteId: site.id,
        reportedBy: 'user-dispatcher', assigneeId: 'user-engineer', slaPolicyId: policy.id, sla, statusChangedAt, tags: [],
        createdAt, updatedAt: createdAt, _deleted: false,
      });
    }
    await store.bulkInsert('tickets', docs.map((doc) => ({ doc, acl: computeAcl('tickets', doc) })));
  }
}
