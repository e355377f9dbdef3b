import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRevision, getChangedDocumentsSince, getUnderlyingPersistentStorage, now, type DexieStorageInternals, type RxCollection, type RxStorageInstance } from 'rxdb';
import { fromStorageToDexie } from 'rxdb/plugins/storage-dexie';
import type { AnyDoc } from '@shared/schemas/collections';
import type { WorkOrder } from '@shared/schemas';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { setDerivedFields } from '@app/db/derived-fields';
import { editBaseOf } from '@app/db/edit-base';
import { pendingEntry } from '@app/db/outbox';
import { saveDocument, settleMergedWrite } from '@app/db/writes';
import { loadInitially } from '@app/sync/initial-load';
import type { PulledPage } from '@app/sync/pull-ahead';
import { buildWorkOrder } from '../../helpers/factories';

type Checkpoint = { value: string };
const IDENTIFIER = 'fs-sync-v1-user-eng1-workOrders';
let db: AppDatabase | undefined;
let counter = 0;

afterEach(async () => {
  vi.restoreAllMocks();
  await db?.remove();
  db = undefined;
});

const open = async () => (db = await openDatabase(`initial-load-${++counter}`, { indexedDB: { indexedDB, IDBKeyRange } }));
const workOrders = (database: AppDatabase) => database.workOrders as unknown as RxCollection<AnyDoc>;
const serverDocs = Array.from({ length: 5 }, (_, index) => ({ ...buildWorkOrder({ id: `wo-${index}` }), _deleted: false }));

/** A server of `serverDocs` in pages; `failAt` makes that page's request fail, `onPage` runs as a page is answered. */
function pagesOf(docs: AnyDoc[], options: { failAt?: number; onPage?: (index: number) => Promise<void> } = {}) {
  const asked: (string | undefined)[] = [];
  const pullPage = async (checkpoint: Checkpoint | undefined, limit: number): Promise<PulledPage<Checkpoint>> => {
    asked.push(checkpoint?.value);
    const from = checkpoint ? Number(checkpoint.value) : 0;
    const index = from / limit;
    if (index === options.failAt) throw new TypeError('fetch failed');
    await options.onPage?.(index);
    const documents = docs.slice(from, from + limit);
    return { documents, checkpoint: { value: String(from + documents.length) } };
  };
  return { pullPage, asked };
}

/** The number of work orders stored at each progress save; `hang`: the saves never finish. */
function recordSaves(database: AppDatabase, { hang = false } = {}): number[] {
  const storedAtSave: number[] = [];
  const save = database.upsertLocal.bind(database);
  vi.spyOn(database, 'upsertLocal').mockImplementation(async (id: string, data: unknown) => {
    storedAtSave.push(await database.workOrders.count().exec());
    return hang ? new Promise<never>(() => undefined) : (save(id, data as never) as never);
  });
  return storedAtSave;
}

describe('initial load of a fresh collection', () => {
  it('stores every page as the server state and hands RxDB the checkpoints it reached', async () => {
    const database = await open();
    const { pullPage } = pagesOf(serverDocs);
    const checkpoints = await loadInitially(workOrders(database), IDENTIFIER, pullPage, 2);
    expect(checkpoints.down).toEqual({ value: '5' });
    expect(checkpoints.up?.id).toBe('wo-4');
    expect(await database.workOrders.count().exec()).toBe(5);
    const [stored] = await database.workOrders.storageInstance.findDocumentsById(['wo-0'], false);
    expect(stored?._meta).toMatchObject({ o: { _rev: 1 } });
    // A second start finds the load done and changes nothing.
    expect(await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs).pullPage, 2)).toEqual({ ...checkpoints, done: true });
  });

  it('leaves a collection that already holds documents to RxDB', async () => {
    const database = await open();
    await database.workOrders.insert(buildWorkOrder({ id: 'wo-local' }));
    const { pullPage, asked } = pagesOf(serverDocs);
    expect(await loadInitially(workOrders(database), IDENTIFIER, pullPage, 2)).toEqual({});
    expect(asked).toEqual([]);
  });

  it('hands over at a failed request with the checkpoints of the pages stored before it', async () => {
    const database = await open();
    const checkpoints = await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs, { failAt: 1 }).pullPage, 2);
    expect(checkpoints).toMatchObject({ down: { value: '2' }, up: { id: 'wo-1' }, done: true });
    expect(await database.workOrders.count().exec()).toBe(2);
  });

  it('ends at the page before one that could not be stored, though the page after it was handed over too', async () => {
    const database = await open();
    // IndexedDB refuses a document without its key: page 1 fails while page 2 is already on its way.
    const docs = serverDocs.map((doc, index) => (index === 2 ? { ...doc, id: undefined } : doc)) as AnyDoc[];
    const checkpoints = await loadInitially(workOrders(database), IDENTIFIER, pagesOf(docs).pullPage, 2);
    expect(checkpoints).toMatchObject({ down: { value: '2' }, up: { id: 'wo-1' }, done: true });
  });

  it('waits its turn once, after a full first page and before the second', async () => {
    const database = await open();
    const storedAtTurn: number[] = [];
    const beforeMorePages = async () => void storedAtTurn.push(await database.workOrders.count().exec());
    await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs).pullPage, 2, { beforeMorePages });
    expect(storedAtTurn).toEqual([2]);
  });

  it('never waits its turn for a collection of one page', async () => {
    const database = await open();
    let turns = 0;
    await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs).pullPage, 10, { beforeMorePages: async () => void turns++ });
    expect(turns).toBe(0);
    expect(await database.workOrders.count().exec()).toBe(5);
  });

  it('saves its start before the first page of a load of several pages', async () => {
    const database = await open();
    const storedAtSave = recordSaves(database);
    await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs).pullPage, 2);
    expect(storedAtSave[0]).toBe(0);
  });

  it('stores a collection of one page without saving its start first, and does not wait for its progress', async () => {
    const database = await open();
    const storedAtSave = recordSaves(database, { hang: true });
    const checkpoints = await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs).pullPage, 10);
    expect(checkpoints).toMatchObject({ down: { value: '5' }, done: true });
    expect(await database.workOrders.count().exec()).toBe(5);
    expect(storedAtSave).toEqual([5]);
  });

  it('reads on from the start when a load of one page stored its documents but not its progress', async () => {
    const database = await open();
    vi.spyOn(database, 'upsertLocal').mockRejectedValue(new Error('the tab went away'));
    await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs).pullPage, 10);
    vi.restoreAllMocks();
    const resumed = pagesOf(serverDocs);
    // The load's own documents, not RxDB's: the load reads them again and hands RxDB its checkpoints.
    expect(await loadInitially(workOrders(database), IDENTIFIER, resumed.pullPage, 10)).toMatchObject({ down: { value: '5' }, done: true });
    expect(resumed.asked).toEqual([undefined]);
    expect(await database.workOrders.count().exec()).toBe(5);
  });

  it('says when a load of several pages has handed its first page over, and waits its turn before the only page of a small one', async () => {
    const database = await open();
    const calls: string[] = [];
    const options = {
      beforeOnlyPage: async () => void calls.push(`only page, ${await database.workOrders.count().exec()} stored`),
      firstPageOut: () => void calls.push('first page out'),
    };
    await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs).pullPage, 2, options);
    expect(calls).toEqual(['first page out']);
    await database.remove();
    const small = await open();
    calls.length = 0;
    await loadInitially(workOrders(small), IDENTIFIER, pagesOf(serverDocs).pullPage, 10, {
      ...options,
      beforeOnlyPage: async () => void calls.push(`only page, ${await small.workOrders.count().exec()} stored`),
    });
    expect(calls).toEqual(['only page, 0 stored']);
    expect(await small.workOrders.count().exec()).toBe(5);
  });

  it('resumes a load cut short where it stopped', async () => {
    const database = await open();
    // Stopped while the second page is on its way: the first is stored, the second never is.
    let stop = false;
    const onPage = async (index: number) => void (stop = index === 1);
    await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs, { onPage }).pullPage, 2, { stopped: () => stop });
    expect(await database.workOrders.count().exec()).toBe(2);
    const resumed = pagesOf(serverDocs);
    const checkpoints = await loadInitially(workOrders(database), IDENTIFIER, resumed.pullPage, 2);
    expect(resumed.asked[0]).toBe('2');
    expect(checkpoints.down).toEqual({ value: '5' });
    expect(await database.workOrders.count().exec()).toBe(5);
  });

  it('resumes a run whose last pages were stored without their progress: newer server states replace them, the user’s write stands and RxDB’s upstream still reads it', async () => {
    const database = await open();
    await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs).pullPage, 2);
    // As if the tab went away right after the load started: only its start was saved.
    await database.upsertLocal(`initial-load-${IDENTIFIER}`, { done: false });
    const edited = await saveDocument(database, 'workOrders', { ...(serverDocs[1] as WorkOrder), kind: 'inspection' });
    const onServer = serverDocs.map((doc, index) => (index === 1 || index === 3 ? { ...doc, status: 'on_hold', updatedAt: '2026-03-02T09:30:00.000Z' } : doc)) as AnyDoc[];

    const resumed = pagesOf(onServer);
    const checkpoints = await loadInitially(workOrders(database), IDENTIFIER, resumed.pullPage, 2);
    expect(resumed.asked[0]).toBeUndefined();
    expect(checkpoints).toMatchObject({ down: { value: '5' }, done: true });
    expect((await database.workOrders.findOne('wo-3').exec())?.status).toBe('on_hold');
    expect((await database.workOrders.findOne('wo-1').exec())?.toJSON()).toMatchObject({ kind: 'inspection', updatedAt: edited.updatedAt });
    // The edit was stored after every page of the first run: the upstream starts before it.
    expect(checkpoints.up).toBeUndefined();
  });

  it('keeps the upstream checkpoint before a write the user made during the load', async () => {
    const database = await open();
    const onPage = async (index: number) => {
      if (index === 1) await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-created-meanwhile' }));
    };
    const checkpoints = await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs, { onPage }).pullPage, 2);
    // Page 1 was written after the user's write: RxDB's upstream reads from the end of page 0 on.
    expect(checkpoints.up?.id).toBe('wo-1');
    expect(checkpoints.down).toEqual({ value: '5' });
  });

  it('keeps the upstream checkpoint before a write another tab made during the load, though its news came late', async () => {
    const database = await open();
    const storage = getUnderlyingPersistentStorage(database.workOrders.internalStorageInstance) as unknown as RxStorageInstance<AnyDoc, unknown, unknown, unknown>;
    const state = await (storage as unknown as { internals: DexieStorageInternals }).internals;
    // Stored by another tab while page 1 is on its way, with its outbox entry; its change event has not arrived here.
    const onPage = async (index: number) => {
      if (index !== 1) return;
      const theirs = { ...buildWorkOrder({ id: 'wo-other-tab' }), _deleted: false, _attachments: {}, _rev: createRevision('other-tab'), _meta: { lwt: now() } };
      await state.dexieTable.put(fromStorageToDexie(state.booleanIndexes, setDerivedFields('workOrders', theirs as never)));
      await database.outbox.insert(pendingEntry('workOrders', theirs.id, theirs.updatedAt));
    };
    const checkpoints = await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs, { onPage }).pullPage, 2);
    const { documents } = await getChangedDocumentsSince(storage, 100, checkpoints.up);
    expect(documents.map((doc) => doc.id)).toContain('wo-other-tab');
    // Page 0 was stored before that write: RxDB's upstream need not read it again.
    expect(documents.map((doc) => doc.id)).not.toContain('wo-0');
  });

  it('gives the first local edit of a loaded document its server state as base, and keeps it for later edits', async () => {
    const database = await open();
    await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs).pullPage, 2);
    const loaded = serverDocs[3] as WorkOrder & { _deleted: boolean };
    expect(await editBaseOf(database, 'workOrders', loaded.id)).toEqual(loaded);
    await saveDocument(database, 'workOrders', { ...loaded, kind: 'inspection' });
    await saveDocument(database, 'workOrders', { ...loaded, kind: 'preventive' });
    const entry = await database.outbox.findOne(`workOrders/${loaded.id}`).exec();
    expect(entry?.base).toEqual(loaded);
  });

  it('keeps the base when a conflict was merged, for an edit RxDB pushes after the merge', async () => {
    const database = await open();
    await loadInitially(workOrders(database), IDENTIFIER, pagesOf(serverDocs).pullPage, 2);
    const loaded = serverDocs[1] as WorkOrder & { _deleted: boolean };
    await saveDocument(database, 'workOrders', { ...loaded, kind: 'inspection' });
    const theirs = { ...loaded, status: 'on_hold' as const, updatedAt: '2026-03-02T09:30:00.000Z' };
    await settleMergedWrite(database, 'workOrders', { ...theirs, kind: 'inspection', updatedAt: '2026-03-02T09:31:00.000Z' }, theirs);
    expect((await database.outbox.findOne(`workOrders/${loaded.id}`).exec())?.base).toEqual(loaded);
  });

  it('records no base for a document created on the device', async () => {
    const database = await open();
    await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-new' }));
    expect((await database.outbox.findOne('workOrders/wo-new').exec())?.base).toBeUndefined();
  });
});
