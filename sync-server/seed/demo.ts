import type { ServiceDeps } from '../app-deps';
import { credentialId, setPassword } from '../auth/credentials';
import { computeAcl } from '../services/acl';
import type { AccessMeta } from '../store/couch-docs';
import type { Store } from '../store/store';
import { RevisionConflictError } from '../store/store-errors';
import { allocateNumbers } from './allocate-numbers';
import { DEMO_SEED, DEMO_TICKET_COUNT, DEMO_WORK_ORDER_COUNT, type DemoData, generateDemoData } from './demo-data';
import { insertMissing, withAcl } from './write-docs';

/**
 * Progress of the demo seed, kept in the private counters database. It pins the base date and seed
 * so a seed that crashed half-way is finished with the same data, whenever the server restarts.
 */
type SeedMarker = { _id: string; _rev?: string; kind: 'seed-marker'; state: 'started' | 'done'; base: string; seed: number; finishedAt?: string };

export const SEED_MARKER_ID = 'seed:demo';

/**
 * Seed the demo data set on an empty store (called on every start when SEED_DEMO is on).
 * - A finished seed (marker `done`) or a store that already has users and no marker: nothing to do.
 * - Two processes starting together on an empty store race to create the marker; MVCC lets exactly
 *   one win, and the loser treats the conflict as "already being seeded".
 * - An unfinished seed (marker `started`) is completed: every write is insert-if-missing by fixed ids.
 */
export async function ensureDemoData(deps: ServiceDeps): Promise<void> {
  const { store, logger } = deps;
  const marker = await readMarker(store);
  if (marker?.state === 'done') {
    logger.debug('demo data already seeded');
    return;
  }
  if (marker) {
    logger.warn({ base: marker.base }, 'finishing an unfinished demo seed');
    await seedDemo(deps, marker);
    return;
  }
  if (!(await store.isEmpty('users'))) {
    logger.info('store already has users: not seeding demo data');
    return;
  }
  const claimed = await claimSeed(store, deps.clock.now());
  if (!claimed) {
    logger.info('another process is seeding the demo data');
    return;
  }
  await seedDemo(deps, claimed);
}

async function readMarker(store: Store): Promise<SeedMarker | undefined> {
  const doc = await store.getPrivate('counters', SEED_MARKER_ID);
  if (!doc) return undefined;
  const { state, base, seed } = doc;
  if ((state !== 'started' && state !== 'done') || typeof base !== 'string' || typeof seed !== 'number') {
    throw new Error(`the ${SEED_MARKER_ID} document is damaged; delete it to re-run the demo seed`);
  }
  return { _id: doc._id, ...(doc._rev ? { _rev: doc._rev } : {}), kind: 'seed-marker', state, base, seed };
}

/** Create the `started` marker; undefined when another process created it first. */
async function claimSeed(store: Store, now: Date): Promise<SeedMarker | undefined> {
  const marker: SeedMarker = { _id: SEED_MARKER_ID, kind: 'seed-marker', state: 'started', base: now.toISOString(), seed: DEMO_SEED };
  try {
    const rev = await store.putPrivate('counters', marker);
    return { ...marker, _rev: rev };
  } catch (error) {
    if (error instanceof RevisionConflictError) return undefined;
    throw error;
  }
}

async function seedDemo(deps: ServiceDeps, marker: SeedMarker): Promise<void> {
  const startedMs = performance.now();
  const number = await allocateNumbers(deps.store, { TCK: DEMO_TICKET_COUNT, WO: DEMO_WORK_ORDER_COUNT });
  const data = generateDemoData({ base: new Date(marker.base), seed: marker.seed, number });
  const written = await writeDemoData(deps, data);
  await markDone(deps, marker);
  const counts = Object.fromEntries(Object.entries(data).map(([key, docs]) => [key, docs.length]));
  deps.logger.info({ counts, written, ms: Math.round(performance.now() - startedMs) }, 'demo data seeded');
}

async function markDone(deps: ServiceDeps, marker: SeedMarker): Promise<void> {
  try {
    await deps.store.putPrivate('counters', { ...marker, state: 'done', finishedAt: deps.clock.now().toISOString() });
  } catch (error) {
    // Another process finishing the same seed marked it first: the data is complete either way.
    if (error instanceof RevisionConflictError && (await readMarker(deps.store))?.state === 'done') return;
    throw error;
  }
}

/**
 * Reference data first, users and their passwords last: until the users exist nobody can log in,
 * and a store whose users are all there is one the seed has (nearly) finished.
 */
async function writeDemoData(deps: ServiceDeps, data: DemoData): Promise<Record<string, number>> {
  const { store } = deps;
  const written: Record<string, number> = {};
  written.sites = await insertMissing(store, 'sites', withAcl('sites', data.sites));
  written.slaPolicies = await insertMissing(store, 'slaPolicies', withAcl('slaPolicies', data.slaPolicies));
  written.categories = await insertMissing(store, 'categories', withAcl('categories', data.categories));
  written.assets = await insertMissing(store, 'assets', withAcl('assets', data.assets));
  const tickets = withAcl('tickets', data.tickets);
  written.tickets = await insertMissing(store, 'tickets', tickets);
  written.workOrders = await insertMissing(store, 'workOrders', withAcl('workOrders', data.workOrders));
  written.comments = await insertMissing(store, 'comments', commentEntries(data, tickets));
  written.credentials = await ensureCredentials(deps, data);
  written.users = await insertMissing(store, 'users', withAcl('users', data.users));
  return written;
}

/** A comment is readable by whoever can read its ticket. */
function commentEntries(data: DemoData, tickets: readonly { doc: { id: string }; acl: AccessMeta }[]) {
  const aclByTicket = new Map(tickets.map((entry) => [entry.doc.id, entry.acl]));
  return data.comments.map((comment) => {
    const ticketAcl = aclByTicket.get(comment.ticketId);
    // Without its ticket's readers the comment would fall back to public: refuse rather than leak.
    if (!ticketAcl) throw new Error(`demo comment ${comment.id} belongs to unknown ticket ${comment.ticketId}`);
    return { doc: comment, acl: computeAcl('comments', comment, undefined, ticketAcl) };
  });
}

/** Every demo account gets DEMO_PASSWORD, unless it already has a credential (a resumed seed). */
async function ensureCredentials(deps: ServiceDeps, data: DemoData): Promise<number> {
  const created = await Promise.all(
    data.users.map(async (user) => {
      if (await deps.store.getPrivate('auth', credentialId(user.username))) return 0;
      try {
        await setPassword(deps.store, user, deps.config.DEMO_PASSWORD);
        return 1;
      } catch (error) {
        // A concurrent seeder wrote it between our check and our write: same password, keep theirs.
        if (error instanceof RevisionConflictError) return 0;
        throw error;
      }
    }),
  );
  return created.reduce((sum: number, one) => sum + one, 0);
}
