import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '@shared/schemas';
import type { AnyDoc } from '@shared/schemas/collections';
import { AcknowledgedPushes } from '@app/sync/acknowledged-pushes';
import { buildWorkOrder } from '../../helpers/factories';

const base = buildWorkOrder({ id: 'wo-1', status: 'scheduled' });
const at = (doc: WorkOrder, status: WorkOrder['status'], updatedAt: string) => ({ ...doc, status, updatedAt });
const enRoute = at(base, 'en_route', '2026-03-02T09:01:00.000Z');
const onSite = at(base, 'on_site', '2026-03-02T09:02:00.000Z');
const statuses = (docs: readonly AnyDoc[]) => docs.map((doc) => (doc as WorkOrder).status);

function pushes(openings = 1) {
  let opened = openings;
  const acked = new AcknowledgedPushes('workOrders', () => opened);
  return { acked, open: () => (opened += 1) };
}

/** What a fresh record of the same two pushes lets through of one streamed state. */
function pushesAfter(doc: AnyDoc): AnyDoc[] {
  const { acked } = pushes();
  acked.acknowledged([{ assumedMasterState: base, newDocumentState: enRoute }]);
  acked.acknowledged([{ assumedMasterState: enRoute, newDocumentState: onSite }]);
  return acked.streamed([doc]);
}

describe('AcknowledgedPushes', () => {
  it('leaves out of the stream the states a waiting push moved past, until its own version comes back', () => {
    const { acked } = pushes();
    acked.acknowledged([{ assumedMasterState: base, newDocumentState: enRoute }]);
    acked.acknowledged([{ assumedMasterState: enRoute, newDocumentState: onSite }]);
    // The server's stamped versions: another updatedAt, the same content.
    const other = buildWorkOrder({ id: 'wo-2' });
    expect(statuses(acked.streamed([{ ...enRoute, updatedAt: '2026-03-02T09:01:00.500Z' }, other]))).toEqual(['scheduled']);
    // The version the first push started from, as the device had pulled it: left out.
    expect(statuses(acked.streamed([base]))).toEqual([]);
    // The same values written again by someone (a new version, should the store's feed skip the echo before it): taken.
    const setBack = { ...base, updatedAt: '2026-03-02T09:01:30.000Z' };
    expect(statuses(pushesAfter(setBack))).toEqual(['scheduled']);
    expect(statuses(acked.streamed([{ ...onSite, updatedAt: '2026-03-02T09:02:00.500Z' }]))).toEqual(['on_site']);
    // After the echo, anything goes: a later change (even back to an earlier status) is someone's newer write.
    expect(statuses(acked.streamed([{ ...enRoute, updatedAt: '2026-03-02T09:05:00.000Z' }]))).toEqual(['en_route']);
  });

  it('takes any state it does not know as the end of the wait (the echo as the server stored it, a removal)', () => {
    const { acked } = pushes();
    acked.acknowledged([{ assumedMasterState: base, newDocumentState: enRoute }]);
    const removed = { ...enRoute, _deleted: true };
    expect(acked.streamed([removed])).toEqual([removed]);
    expect(acked.streamed([base])).toEqual([base]);
  });

  it('asks again for a page asked for before one of its documents was acknowledged', () => {
    const { acked } = pushes();
    const asked = acked.position;
    expect(acked.predates([base], asked)).toBe(false);
    acked.acknowledged([{ assumedMasterState: base, newDocumentState: enRoute }]);
    expect(acked.predates([buildWorkOrder({ id: 'wo-2' })], asked)).toBe(false);
    expect(acked.predates([base], asked)).toBe(true);
    expect(acked.predates([base], acked.position)).toBe(false);
  });

  it('stops waiting on a new stream connection for pushes acknowledged before it was asked for', () => {
    const { acked, open } = pushes();
    acked.acknowledged([{ assumedMasterState: base, newDocumentState: enRoute }]);
    open();
    const other = { ...onSite, id: 'wo-2' };
    acked.acknowledged([{ assumedMasterState: { ...base, id: 'wo-2' }, newDocumentState: other }]);
    acked.reconnected();
    // wo-1's push was written before the new connection's start: its base there is a newer write.
    expect(statuses(acked.streamed([base]))).toEqual(['scheduled']);
    // wo-2's was acknowledged after the connection was asked for: its base may still come before its echo.
    expect(acked.streamed([{ ...base, id: 'wo-2' }])).toEqual([]);
  });
});
