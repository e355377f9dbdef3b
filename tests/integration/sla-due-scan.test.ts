import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@shared/schemas';
import { createLogger } from '@server/logger';
import { databaseName } from '@server/store/couch-docs';
import { type EmbeddedCouch, startEmbeddedCouch } from '@server/store/embedded-couch';
import { findDueTickets, indexDueTickets } from '@server/sla/due-tickets';
import { type RawStored, Store } from '@server/store/store';
import { buildTicket } from '../helpers/replication-world';
import { makeStoreDir } from '../helpers/test-dirs';

/**
 * The SLA checker finds due tickets by scanning the server's in-memory changes feed when it is
 * current (sync-server/sla/due-tickets.ts), else by the store's Mango index. Both must find the
 * same tickets in the same order: thresholds passed, most overdue first, none still ahead, none
 * without a threshold, no deleted ticket, and a ticket written just before.
 */
const acl = { readers: ['role:dispatcher'], formerReaders: [] };
const now = new Date('2026-03-02T12:00:00.000Z');
let couch: EmbeddedCouch;
/** With the changes cache, as the server runs. */
let cached: Store;
/** Without it: every read is a store query. */
let direct: Store;

function ticket(index: number): Ticket {
  const base = buildTicket({ id: `tck-due-${String(index).padStart(3, '0')}`, siteId: 'site-a' });
  // Every fifth has no next threshold (all crossed); the rest fall from 5 h before to 5 h after now.
  const nextThresholdAt = index % 5 === 0 ? undefined : new Date(now.getTime() + ((index * 37) % 600 - 300) * 60_000).toISOString();
  return { ...base, sla: { ...base.sla, nextThresholdAt } };
}

beforeAll(async () => {
  couch = await startEmbeddedCouch(makeStoreDir('due'));
  cached = new Store(couch.url, 'fs_', createLogger('silent'));
  direct = new Store(couch.url, 'fs_', createLogger('silent'));
  await cached.init();
  await cached.bulkInsert('tickets', Array.from({ length: 60 }, (_, index) => ({ doc: ticket(index), acl })));
  // A deleted ticket whose threshold has passed, its body kept in the tombstone as a replicated
  // deletion keeps it: the Mango query never returns deleted documents.
  const tickets = nano(couch.url).use(databaseName('fs_', 'tickets'));
  const gone = await tickets.get('tck-due-001');
  await tickets.insert({ ...gone, _deleted: true } as typeof gone);
  cached.cacheChanges(['tickets'], 10_000);
  await cached.changesCachesLoaded();
  indexDueTickets(cached);
  indexDueTickets(direct);
});
afterAll(async () => {
  cached?.close();
  direct?.close();
  await couch?.close();
});

const idsOf = (docs: RawStored[]) => docs.map((stored) => String(stored.fields.id));

describe('due tickets', () => {
  it('are the same from the changes cache and from the store’s index, most overdue first', async () => {
    // Changes after the cache has loaded: a new due ticket, one moved past now, one deleted.
    const late = ticket(999);
    await cached.bulkInsert('tickets', [{ doc: { ...late, sla: { ...late.sla, nextThresholdAt: '2026-03-02T11:59:00.000Z' } }, acl }]);
    const tickets = nano(couch.url).use<Record<string, unknown>>(databaseName('fs_', 'tickets'));
    const moved = await tickets.get('tck-due-002');
    await tickets.insert({ ...moved, sla: { ...(moved.sla as object), nextThresholdAt: '2026-03-02T18:00:00.000Z' } });
    const deleted = await tickets.get('tck-due-003');
    await tickets.insert({ ...deleted, _deleted: true } as typeof deleted);
    expect(await cached.upToCached('tickets', 'sla-next-threshold', '9999', 1)).toHaveLength(1);
    expect(await direct.upToCached('tickets', 'sla-next-threshold', '9999', 1)).toBeUndefined();
    const fromCache = idsOf(await findDueTickets(cached, now, 1000));
    expect(fromCache).toEqual(idsOf(await findDueTickets(direct, now, 1000)));
    expect(fromCache).toContain('tck-due-999');
    expect(fromCache).not.toContain('tck-due-001');
    expect(fromCache).not.toContain('tck-due-002');
    expect(fromCache).not.toContain('tck-due-003');
    expect(fromCache.length).toBeGreaterThan(10);
    // A batch is the most overdue tickets.
    expect(idsOf(await findDueTickets(cached, now, 5))).toEqual(fromCache.slice(0, 5));
    expect(idsOf(await findDueTickets(direct, now, 5))).toEqual(fromCache.slice(0, 5));
  });
});
