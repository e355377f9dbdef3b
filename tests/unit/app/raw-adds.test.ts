import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRevision, getUnderlyingPersistentStorage, now, type DexieStorageInternals, type RxDocumentData, type RxStorageInstance } from 'rxdb';
import { fromStorageToDexie } from 'rxdb/plugins/storage-dexie';
import { firstValueFrom, take, toArray } from 'rxjs';
import type { AnyDoc } from '@shared/schemas/collections';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { setDerivedFields } from '@app/db/derived-fields';
import { rawAdderFor } from '@app/db/raw-adds';
import { buildWorkOrder } from '../../helpers/factories';

let db: AppDatabase | undefined;
let counter = 0;

afterEach(async () => {
  await db?.remove();
  db = undefined;
});

async function workOrderStorage() {
  db = await openDatabase(`raw-adds-${++counter}`, { indexedDB: { indexedDB, IDBKeyRange } });
  return getUnderlyingPersistentStorage(db.workOrders.internalStorageInstance) as unknown as RxStorageInstance<AnyDoc, unknown, unknown, unknown>;
}

/** A work order as RxDB stores it. */
function stored(id: string, extra: Partial<RxDocumentData<AnyDoc>> = {}): RxDocumentData<AnyDoc> {
  const doc = { ...buildWorkOrder({ id }), _deleted: false, _attachments: {}, _rev: createRevision('test'), _meta: { lwt: now() }, ...extra };
  return setDerivedFields('workOrders', doc as never) as unknown as RxDocumentData<AnyDoc>;
}

describe('raw adds into RxDB’s Dexie table', () => {
  it('stores documents as RxDB reads them back, and queries and the change feed see them', async () => {
    const storage = await workOrderStorage();
    const add = await rawAdderFor(storage);
    const docs = [stored('wo-1'), stored('wo-2', { status: 'in_progress' } as never)];
    expect(await add?.(docs, 'test')).toEqual([]);
    expect(await storage.findDocumentsById(['wo-1', 'wo-2'], false)).toEqual(docs);
    // Through RxDB's query path: the boolean `_deleted` index field was stored in Dexie's form.
    expect((await db!.workOrders.find({ selector: { status: 'in_progress' } }).exec()).map((doc) => doc.id)).toEqual(['wo-2']);
  });

  it('emits the inserts RxDB would have emitted, after the commit, with the last document as checkpoint', async () => {
    const storage = await workOrderStorage();
    const add = await rawAdderFor(storage);
    const bulks = firstValueFrom(storage.changeStream().pipe(take(1), toArray()));
    const docs = [stored('wo-1'), stored('wo-gone', { _deleted: true }), stored('wo-3')];
    await add?.(docs, 'the-load');
    const [bulk] = await bulks;
    expect(bulk?.context).toBe('the-load');
    // A deleted document is stored but, as with RxDB's own inserts, is no event.
    expect(bulk?.events.map((event) => [event.operation, event.documentId])).toEqual([['INSERT', 'wo-1'], ['INSERT', 'wo-3']]);
    expect(bulk?.checkpoint).toEqual({ id: 'wo-3', lwt: docs[2]?._meta.lwt });
    expect(await db!.workOrders.findOne('wo-3').exec()).not.toBeNull();
  });

  it('leaves a document stored already as it is, reports it, and stores the rest', async () => {
    const storage = await workOrderStorage();
    const add = await rawAdderFor(storage);
    const mine = await db!.workOrders.insert(buildWorkOrder({ id: 'wo-1', notes: [] }));
    expect(await add?.([stored('wo-1', { notes: [{ id: 'n', at: '2026-01-01T00:00:00.000Z', by: 'u', text: 'server' }] } as never), stored('wo-2')], 'test')).toEqual(['wo-1']);
    expect((await db!.workOrders.findOne('wo-1').exec())?.toJSON()).toEqual(mine.toJSON());
    expect(await db!.workOrders.findOne('wo-2').exec()).not.toBeNull();
  });

  it('stores a document in the form RxDB’s own write gives it, keys Dexie cannot take included', async () => {
    const storage = await workOrderStorage();
    const add = await rawAdderFor(storage);
    const doc = stored('wo-1', { custom: { '|piped': 1 } } as never);
    await add?.([doc], 'test');
    const state = await (storage as unknown as { internals: DexieStorageInternals }).internals;
    expect(await state.dexieTable.get('wo-1')).toEqual(fromStorageToDexie(state.booleanIndexes, doc));
    expect(await storage.findDocumentsById(['wo-1'], false)).toEqual([doc]);
  });

  it('stores none of a page IndexedDB refuses a document of, and says so', async () => {
    const storage = await workOrderStorage();
    const add = await rawAdderFor(storage);
    const refused = { ...stored('wo-2'), id: undefined } as unknown as RxDocumentData<AnyDoc>;
    await expect(add?.([stored('wo-1'), refused, stored('wo-3')], 'test')).rejects.toThrow();
    expect(await storage.findDocumentsById(['wo-1', 'wo-3'], true)).toEqual([]);
  });

  it('is only for RxDB’s Dexie storage', async () => {
    expect(await rawAdderFor({} as never)).toBeUndefined();
  });
});
