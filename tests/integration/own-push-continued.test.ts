import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import { loginAs, type TestApi } from '../helpers/api-client';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * A device whose push was stored but whose answer it never got pushes its next edit from the same
 * base. The server recognises its own earlier push by the device's id and base, and takes the edit
 * on top; every other stale push is still a conflict (write-plan.ts continuesOwnPush).
 */
let server: TestServer;
let engineer: TestApi;
let dispatcher: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  [engineer, dispatcher] = await Promise.all([loginAs(server.url, 'eng1'), loginAs(server.url, 'dispatch1')]);
});

afterAll(async () => {
  await server?.stop();
});

const PHONE = 'phone-database-1';
const OTHER_PHONE = 'phone-database-2';
const engineersWorkOrders = async () => (await pullAll(engineer, 'workOrders', 1000)).documents as WorkOrder[];
const masterOf = async (id: string) => (await engineersWorkOrders()).find((wo) => wo.id === id) as WorkOrder;

/** One of eng1's scheduled work orders that no earlier case touched, and the push the device lost the answer to. */
async function lostAnswer(device = PHONE) {
  const base = (await engineersWorkOrders()).find((wo) => wo.status === 'scheduled' && wo.resolution === undefined && !wo.id.startsWith('used-')) as WorkOrder;
  if (!base) throw new Error('eng1 has no untouched scheduled work order');
  const first = { ...base, resolution: 'Belt worn' };
  expect((await pushRows(engineer, 'workOrders', [{ assumedMasterState: base, newDocumentState: first }], device)).body).toEqual([]);
  return { base, first };
}

describe('a device continuing its own push whose answer it lost', () => {
  it('writes the next edit from the same base on top, with no conflict', async () => {
    const { base, first } = await lostAnswer();
    const later = { ...first, resolution: 'Belt replaced', status: 'en_route' as const };
    const answer = await pushRows(engineer, 'workOrders', [{ assumedMasterState: base, newDocumentState: later }], PHONE);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([]);
    expect(await masterOf(base.id)).toMatchObject({ resolution: 'Belt replaced', status: 'en_route' });
    // And again: the answer to that one may have been lost too.
    const again = await pushRows(engineer, 'workOrders', [{ assumedMasterState: base, newDocumentState: { ...later, status: 'on_site' } }], PHONE);
    expect(again.body).toEqual([]);
    expect((await masterOf(base.id)).status).toBe('on_site');
  });

  it('still checks the edit against the role: an engineer’s cancellation is refused and the earlier push stays', async () => {
    const { base, first } = await lostAnswer();
    const refused = await pushRows(engineer, 'workOrders', [{ assumedMasterState: base, newDocumentState: { ...first, status: 'cancelled' } }], PHONE);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body).toMatchObject({ field: '[0].newDocumentState.status' });
    expect((await masterOf(base.id)).resolution).toBe('Belt worn');
  });

  it('is a conflict for another device, for a push without a device, and from another base', async () => {
    const { base, first } = await lostAnswer();
    const later = { ...first, resolution: 'Belt replaced' };
    for (const [assumed, device] of [
      [base, OTHER_PHONE],
      [base, undefined],
      [{ ...base, updatedAt: '2020-01-01T00:00:00.000Z', notes: [] }, PHONE],
    ] as const) {
      const answer = await pushRows(engineer, 'workOrders', [{ assumedMasterState: assumed, newDocumentState: later }], device);
      expect(answer.body).toEqual([expect.objectContaining({ id: base.id, resolution: 'Belt worn' })]);
    }
    expect((await masterOf(base.id)).resolution).toBe('Belt worn');
  });

  it('is a conflict when the device’s copy fell back behind its own push (a late pull over a newer local edit)', async () => {
    const { base, first } = await lostAnswer();
    const enRoute = { ...first, status: 'en_route' as const };
    expect((await pushRows(engineer, 'workOrders', [{ assumedMasterState: first, newDocumentState: enRoute }], PHONE)).body).toEqual([]);
    // The copy fell back to `first` (status scheduled) and the engineer added a note on it.
    const fellBack = { ...first, notes: [...first.notes, { id: 'note-after-fallback', at: new Date().toISOString(), by: 'user-eng1', text: 'Parked at the back' }] };
    const answer = await pushRows(engineer, 'workOrders', [{ assumedMasterState: first, newDocumentState: fellBack }], PHONE);
    expect(answer.body).toEqual([expect.objectContaining({ id: base.id, status: 'en_route' })]);
    expect((await masterOf(base.id)).status).toBe('en_route');
  });

  it('is a conflict once someone else has written after the device', async () => {
    const { base, first } = await lostAnswer();
    const current = await masterOf(base.id);
    const moved = { ...current, kind: current.kind === 'inspection' ? ('corrective' as const) : ('inspection' as const) };
    expect((await pushRows(dispatcher, 'workOrders', [{ assumedMasterState: current, newDocumentState: moved }])).body).toEqual([]);
    const answer = await pushRows(engineer, 'workOrders', [{ assumedMasterState: base, newDocumentState: { ...first, resolution: 'Belt replaced' } }], PHONE);
    expect(answer.body).toEqual([expect.objectContaining({ id: base.id, kind: moved.kind, resolution: 'Belt worn' })]);
  });

  it('refuses a malformed device id with a 400 naming the header, and stores nothing', async () => {
    const base = (await engineersWorkOrders()).find((wo) => wo.status === 'scheduled' && wo.resolution === undefined) as WorkOrder;
    const answer = await pushRows(engineer, 'workOrders', [{ assumedMasterState: base, newDocumentState: { ...base, resolution: 'x' } }], 'no spaces!');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'validation_failed', field: 'x-device-id' });
    expect((await masterOf(base.id)).resolution).toBeUndefined();
  });

  it('never shows the device’s claim to a client', async () => {
    const { base } = await lostAnswer();
    const pulled = await masterOf(base.id);
    expect(Object.keys(pulled)).not.toContain('origin');
    expect(JSON.stringify(pulled)).not.toContain(PHONE);
  });
});
