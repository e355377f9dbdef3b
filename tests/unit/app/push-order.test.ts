import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BehaviorSubject, filter, NEVER } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { AnyDoc } from '@shared/schemas/collections';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { acknowledgePushed, saveDocument } from '@app/db/writes';
import { loadInitially } from '@app/sync/initial-load';
import { awaitReferencedPushes } from '@app/sync/push-order';
import { buildAttachment, buildComment, buildTicket, buildWorkOrder } from '../../helpers/factories';

let db: AppDatabase;
beforeAll(async () => {
  db = await openDatabase('push-order-unit', { indexedDB: { indexedDB, IDBKeyRange }, validate: true });
});
afterAll(async () => db?.remove());

/** The wait as a promise plus whether it has settled, so a test can see it still waiting. */
function watch(promise: Promise<void>) {
  const state = { settled: false, promise };
  void promise.then(() => (state.settled = true));
  return state;
}

/** Lets IndexedDB and RxDB's queries run a few rounds, so a wait that should end would have ended. */
async function settleStorage(): Promise<void> {
  for (let round = 0; round < 5; round++) await db.outbox.count().exec();
}

describe('a push waits for the pushes of what it points at', () => {
  it('holds a ticket’s photo and comment while the ticket waits in the outbox, and lets them go once it is acknowledged', async () => {
    const ticket = await saveDocument(db, 'tickets', buildTicket({ id: 'tck-new' }));
    const photo = buildAttachment({ id: 'att-1', ownerCollection: 'tickets', ownerId: 'tck-new' });
    const comment = buildComment({ id: 'cmt-1', ticketId: 'tck-new' });
    const photoWait = watch(awaitReferencedPushes(db, 'attachments', [photo], { stopped$: NEVER }));
    const commentWait = watch(awaitReferencedPushes(db, 'comments', [comment], { stopped$: NEVER }));
    await settleStorage();
    expect(photoWait.settled).toBe(false);
    expect(commentWait.settled).toBe(false);

    await acknowledgePushed(db, 'tickets', [ticket], []);
    await Promise.all([photoWait.promise, commentWait.promise]);
  });

  it('does not wait for a parent the server already has (an edit of it is pending), for a deletion, or for a document of its own collection', async () => {
    await awaitReferencedPushes(db, 'attachments', [buildAttachment({ ownerCollection: 'workOrders', ownerId: 'wo-on-server' })], { stopped$: NEVER });
    const loaded = { ...buildWorkOrder({ id: 'wo-loaded' }), _deleted: false };
    await loadInitially(db.workOrders as unknown as RxCollection<AnyDoc>, 'push-order-unit-workOrders', async () => ({ documents: [loaded], checkpoint: undefined }), 10);
    await saveDocument(db, 'workOrders', { ...loaded, status: 'en_route' });
    expect(await db.outbox.findOne('workOrders/wo-loaded').exec()).not.toBeNull();
    await awaitReferencedPushes(db, 'attachments', [buildAttachment({ ownerCollection: 'workOrders', ownerId: 'wo-loaded' })], { stopped$: NEVER });

    await saveDocument(db, 'tickets', buildTicket({ id: 'tck-pending' }));
    await awaitReferencedPushes(db, 'comments', [{ ...buildComment({ ticketId: 'tck-pending' }), _deleted: true }], { stopped$: NEVER });
    await awaitReferencedPushes(db, 'tickets', [buildTicket({ id: 'tck-other' })], { stopped$: NEVER });
  });

  it('gives up waiting after its limit, and does not wait for that parent again', async () => {
    await saveDocument(db, 'tickets', buildTicket({ id: 'tck-stuck' }));
    const order = buildWorkOrder({ ticketId: 'tck-stuck' });
    await awaitReferencedPushes(db, 'workOrders', [order], { stopped$: NEVER, maxWaitMs: 20 });
    // A retried push of the same rows goes straight on (the default limit would outlast this test).
    await awaitReferencedPushes(db, 'workOrders', [order], { stopped$: NEVER });
  });

  it('stops waiting when the replication stops', async () => {
    await saveDocument(db, 'tickets', buildTicket({ id: 'tck-new-2' }));
    // As the replication's `canceled$`: a state, so a wait that subscribes late still sees it.
    const canceled$ = new BehaviorSubject(false);
    const wait = watch(awaitReferencedPushes(db, 'workOrders', [buildWorkOrder({ ticketId: 'tck-new-2' })], { stopped$: canceled$.pipe(filter(Boolean)) }));
    await settleStorage();
    expect(wait.settled).toBe(false);
    canceled$.next(true);
    await wait.promise;
  });
});
