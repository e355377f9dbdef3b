import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedFields, isDeepEqual } from '@shared/domain/doc-rules';
import type { WorkOrder } from '@shared/schemas/work-order';
import { loginAs, type TestApi } from '../helpers/api-client';
import { ConvergenceDevice, type DeviceState } from '../helpers/convergence-device';
import { newWorkOrder } from '../helpers/convergence-ops';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { findLostWrites, writtenValues, type LedgerEntry } from '../helpers/write-ledger';

/**
 * Randomized convergence against the real server (embedded store): five devices (an admin, two
 * dispatchers, two engineers), each the app's own database, conflict handler and replication in
 * its own worker thread, make random operations on a shared pool of work orders — create,
 * update, delete — going offline and back at random. Once all are back online every replica must
 * equal the server, and every local write must be in the final state, in a conflict record, or
 * knowingly replaced by a later write. CONVERGENCE_SEED replays the same operations (the network's
 * timing is real, so interleavings may differ); CONVERGENCE_OPS sets the count per device.
 */
const SEED = Number(process.env.CONVERGENCE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const OPS = Number(process.env.CONVERGENCE_OPS ?? 500);
const POOL = 8;
const USERS = ['admin', 'dispatch1', 'dispatch2', 'eng1', 'eng2'];

let server: TestServer;
let admin: TestApi;
let devices: ConvergenceDevice[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, 'admin');
  const demo = (await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[];
  const template = demo.find((wo) => wo.assigneeId === 'user-eng1') ?? (demo[0] as WorkOrder);
  const pool = Array.from({ length: POOL }, (_, index) => newWorkOrder(template, `cv-pool-${index}`, index % 2 === 0 ? 'user-eng1' : 'user-eng2'));
  expect((await pushRows(admin, 'workOrders', pool.map((doc) => ({ newDocumentState: doc })))).status).toBe(200);
  devices = await Promise.all(
    USERS.map((username, index) => ConvergenceDevice.start({ url: server.url, username, databaseName: `convergence-${index}`, seed: SEED, ops: OPS, index, template })),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(devices.map((device) => device.close()));
  await server?.stop();
});

async function serverWorkOrders(): Promise<WorkOrder[]> {
  return ((await pullAll(admin, 'workOrders', 1000)).documents as WorkOrder[]).filter((wo) => !wo._deleted);
}

/** Differences between each replica and the server (a device holds what its role may read). */
function divergence(master: WorkOrder[], states: DeviceState[]): string[] {
  return states.flatMap((state, index) => {
    const name = USERS[index];
    const expected = state.role === 'engineer' ? master.filter((wo) => wo.assigneeId === state.userId) : master;
    const local = new Map(state.docs.map((wo) => [wo.id, wo]));
    const problems = expected
      .filter((doc) => !isDeepEqual(local.get(doc.id), { ...doc, _deleted: false }))
      .map((doc) => `${name}: ${doc.id} differs in ${changedFields(local.get(doc.id), { ...doc, _deleted: false }).join(', ')}`);
    if (local.size !== expected.length) problems.push(`${name}: ${local.size} local vs ${expected.length} on the server`);
    // Which entries, with the stamp they wait for and the local document's: enough to tell a lost push from a stuck entry.
    if (state.outbox > 0) {
      problems.push(`${name}: ${state.outbox} writes still pending ${JSON.stringify(state.pending).slice(0, 900)}; settled ${state.settled}; last errors ${JSON.stringify(state.errors.slice(-2)).slice(0, 600)}`);
    }
    return problems;
  });
}

describe('convergence of random offline work against the real server', () => {
  it(`${USERS.length} devices × ${OPS} operations converge and lose nothing (seed ${SEED})`, async () => {
    const started = Date.now();
    const runs = await Promise.all(devices.map((device) => device.run()));
    const ledger: LedgerEntry[] = runs.flatMap((run) => run.ledger);
    const ranFor = Date.now() - started;
    let rounds = 0;
    let states: DeviceState[] = [];
    let problems = ['not checked yet'];
    const deadline = Date.now() + 150_000;
    while (problems.length > 0 && Date.now() < deadline) {
      states = await Promise.all(devices.map((device) => device.sync()));
      rounds++;
      problems = divergence(await serverWorkOrders(), states);
      if (process.env.CONVERGENCE_DEBUG && rounds % 20 === 1) {
        console.info('convergence round', rounds, JSON.stringify(problems.slice(0, 6)), JSON.stringify(states.map((state) => [state.settled, state.errors.slice(-1), state.pending])).slice(0, 3000));
      }
    }
    const final = new Map((await serverWorkOrders()).map((wo) => [wo.id, wo]));
    const records = states.flatMap((state) => state.records);
    const lost = findLostWrites(ledger, final, records);
    const total = (key: 'ops' | 'writes' | 'disconnects') => runs.reduce((sum, run) => sum + run.counts[key], 0);
    console.info(
      `convergence: seed=${SEED} devices=${devices.length} operations=${total('ops')} writes=${total('writes')} disconnects=${total('disconnects')} ` +
        `conflicts=${records.length} lost=${lost.length} in ${Date.now() - started} ms (operations ${ranFor} ms, per device ${runs.map((run) => run.counts.ms).join('/')} ms; ` +
        `${rounds} sync rounds) — replay: CONVERGENCE_SEED=${SEED} CONVERGENCE_OPS=${OPS}`,
    );
    for (const docId of new Set(lost.map(({ entry }) => entry.docId))) {
      console.info(`lost on ${docId}:`, JSON.stringify(lost.filter(({ entry }) => entry.docId === docId).map(({ entry, path, value }) => ({ client: entry.client, path, value }))));
      console.info(`lost on ${docId}: final`, JSON.stringify(final.get(docId) ?? 'deleted'));
      console.info(`records on ${docId}:`, JSON.stringify(records.filter((record) => record.docId === docId)));
      console.info(`ledger on ${docId}:`, JSON.stringify(ledger.filter((entry) => entry.docId === docId).map((entry) => ({ client: entry.client, kind: entry.kind, paths: entry.after ? writtenValues(entry.before, entry.after).map((item) => item.path) : 'delete' }))));
    }
    expect(problems).toEqual([]);
    expect(lost.map(({ entry, path, value }) => `${entry.client} ${entry.kind} ${entry.docId} ${path} = ${JSON.stringify(value)}`)).toEqual([]);
    expect(states.flatMap((state) => state.errors)).toEqual([]);
  }, 330_000);
});
