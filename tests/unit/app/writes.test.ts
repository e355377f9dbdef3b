import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { acknowledgePushed, clearEntriesServerHolds, clearIfServerHasIt, deleteDocument, LocalValidationError, saveDocument, settleMergedWrite } from '@app/db/writes';
import type { AnyDoc } from '@shared/schemas/collections';
import type { WorkOrder } from '@shared/schemas/work-order';
import { buildWorkOrder } from '../../helpers/factories';

let db: AppDatabase | undefined;
let counter = 0;
const open = async () => (db = await openDatabase(`writes-db-${++counter}`, { indexedDB: { indexedDB, IDBKeyRange }, validate: true }));
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const pendingIds = async (database: AppDatabase) => (await database.outbox.find().exec()).map((entry) => entry.id).sort();

describe('local writes and the outbox', () => {
  it('stores a valid change, stamps it, and marks it pending', async () => {
    const database = await open();
    const wo = buildWorkOrder({ id: 'wo-1' });
    const saved = await saveDocument(database, 'workOrders', { ...wo, status: 'en_route' }, new Date('2026-11-22T08:00:00.000Z'));
    expect(saved.updatedAt).toBe('2026-11-22T08:00:00.000Z');
    expect((await database.workOrders.findOne('wo-1').exec())?.status).toBe('en_route');
    expect(await pendingIds(database)).toEqual(['workOrders/wo-1']);
  });

  it('refuses an invalid change before storing it, naming the field, and keeps the previous state', async () => {
    const database = await open();
    const wo = buildWorkOrder({ id: 'wo-2' });
    await saveDocument(database, 'workOrders', wo);
    const attempt = saveDocument(database, 'workOrders', { ...wo, checklist: [{ id: 'x', label: '', done: true }] });
    await expect(attempt).rejects.toBeInstanceOf(LocalValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'checklist.0.label' });
    expect((await database.workOrders.findOne('wo-2').exec())?.checklist).toEqual(wo.checklist);
    // Every invalid field is named, once each.
    const several = saveDocument(database, 'workOrders', { ...wo, resolution: 'x'.repeat(6000), checklist: [{ id: 'x', label: '', done: true }] });
    await expect(several).rejects.toMatchObject({ problems: [expect.objectContaining({ field: 'checklist.0.label' }), expect.objectContaining({ field: 'resolution' })] });
  });

  it('an acknowledged push clears the entry, unless the document was edited again meanwhile', async () => {
    const database = await open();
    const first = await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-3' }), new Date('2026-11-22T08:00:00.000Z'));
    const other = await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-4' }), new Date('2026-11-22T08:00:00.000Z'));
    // wo-4 is edited again while its first version is being pushed.
    await saveDocument(database, 'workOrders', { ...other, status: 'en_route' }, new Date('2026-11-22T08:01:00.000Z'));
    await acknowledgePushed(database, 'workOrders', [first, other], []);
    expect(await pendingIds(database)).toEqual(['workOrders/wo-4']);
  });

  it('an edit whose push was acknowledged before its entry was recorded leaves nothing pending', async () => {
    const database = await open();
    const at = new Date('2026-11-22T08:00:00.000Z');
    const edit = { ...buildWorkOrder({ id: 'wo-6' }), updatedAt: at.toISOString() };
    // The document is stored first; RxDB can push it and the server acknowledge it before the
    // save records its outbox entry.
    await acknowledgePushed(database, 'workOrders', [edit], []);
    await saveDocument(database, 'workOrders', edit, at);
    expect(await pendingIds(database)).toEqual([]);
    // A later edit of the same document is pending as usual.
    await saveDocument(database, 'workOrders', { ...edit, status: 'en_route' }, new Date('2026-11-22T08:01:00.000Z'));
    expect(await pendingIds(database)).toEqual(['workOrders/wo-6']);
  });

  it('an edit merged into the server’s version before its entry was recorded leaves nothing pending', async () => {
    const database = await open();
    const at = new Date('2026-11-22T08:00:00.000Z');
    const edit = { ...buildWorkOrder({ id: 'wo-7', status: 'en_route' as const }), updatedAt: at.toISOString() };
    const theirs = { ...edit, status: 'scheduled' as const, updatedAt: '2026-11-22T08:00:30.000Z' };
    // The push of the stored edit conflicted and the merge kept the server's version as it is.
    await settleMergedWrite(database, 'workOrders', theirs, theirs, edit);
    await saveDocument(database, 'workOrders', edit, at);
    expect(await pendingIds(database)).toEqual([]);
  });

  it('a deletion is stored before its entry, and one acknowledged before its entry was recorded leaves nothing pending', async () => {
    const database = await open();
    await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-10' }), new Date('2026-11-22T08:00:00.000Z'));
    await deleteDocument(database, 'workOrders', 'wo-10', new Date('2026-11-22T08:01:00.000Z'));
    const [stored] = await database.workOrders.storageInstance.findDocumentsById(['wo-10'], true);
    const entry = await database.outbox.findOne('workOrders/wo-10').exec();
    // The outbox check of a quiet replication trusts an entry no older than its document's last write.
    expect(stored?._deleted).toBe(true);
    expect(entry?.stamp).toBe('2026-11-22T08:01:00.000Z');
    expect(entry?.toJSON(true)._meta.lwt).toBeGreaterThanOrEqual(stored?._meta.lwt ?? Infinity);
    // The deletion's push was acknowledged before its entry existed.
    const at = new Date('2026-11-22T08:02:00.000Z');
    await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-11' }), new Date('2026-11-22T08:00:00.000Z'));
    await acknowledgePushed(database, 'workOrders', [{ ...buildWorkOrder({ id: 'wo-11' }), updatedAt: at.toISOString(), _deleted: true }], []);
    await deleteDocument(database, 'workOrders', 'wo-11', at);
    expect(await pendingIds(database)).toEqual(['workOrders/wo-10']);
  });

  it('a merge with no entry left records one for the merged version', async () => {
    const database = await open();
    const theirs = { ...buildWorkOrder({ id: 'wo-12', status: 'scheduled' }), updatedAt: '2026-11-22T08:00:02.000Z' };
    const mine = { ...theirs, status: 'en_route' as const, updatedAt: '2026-11-22T08:00:01.000Z' };
    await settleMergedWrite(database, 'workOrders', { ...theirs, status: 'en_route' }, theirs, mine);
    expect((await database.outbox.findOne('workOrders/wo-12').exec())?.stamp).toBe('2026-11-22T08:00:02.000Z');
  });

  it('a conflicted row stays pending until the server holds the same content', async () => {
    const database = await open();
    const mine = await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-5', status: 'en_route' }));
    const theirs = { ...mine, status: 'scheduled' as const, updatedAt: '2026-11-22T09:00:00.000Z' };
    await acknowledgePushed(database, 'workOrders', [mine], [theirs]);
    expect(await pendingIds(database)).toEqual(['workOrders/wo-5']);
    await clearIfServerHasIt(database, 'workOrders', theirs);
    expect(await pendingIds(database)).toEqual(['workOrders/wo-5']);
    // The server's echo of our version (its own updatedAt/number) clears it.
    await clearIfServerHasIt(database, 'workOrders', { ...mine, number: 'WO-000777', updatedAt: '2026-11-22T09:05:00.000Z' });
    expect(await pendingIds(database)).toEqual([]);
  });
  it('a merge of an older push keeps the entry of a newer local edit, which is still to be pushed', async () => {
    const database = await open();
    const pushed = await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-8', status: 'en_route' }), new Date('2026-11-22T08:00:00.000Z'));
    // Edited again while the first version's push came back with a conflict.
    await saveDocument(database, 'workOrders', { ...pushed, status: 'on_site' }, new Date('2026-11-22T08:00:05.000Z'));
    const theirs = { ...pushed, status: 'scheduled' as const, notes: [{ id: 'n-1', at: '2026-11-22T08:00:01.000Z', by: 'user-disp1', text: 'call first' }], updatedAt: '2026-11-22T08:00:02.000Z' };
    const merged = { ...theirs, status: 'en_route' as const };
    await settleMergedWrite(database, 'workOrders', merged, theirs, pushed);
    // The newer edit's stamp stays: its own push clears it.
    expect((await database.outbox.findOne('workOrders/wo-8').exec())?.stamp).toBe('2026-11-22T08:00:05.000Z');
    // Without a newer edit the entry waits for the merged version instead.
    const alone = await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-9', status: 'en_route' }), new Date('2026-11-22T08:00:00.000Z'));
    await settleMergedWrite(database, 'workOrders', { ...merged, id: 'wo-9' }, { ...theirs, id: 'wo-9' }, alone);
    expect((await database.outbox.findOne('workOrders/wo-9').exec())?.stamp).toBe('2026-11-22T08:00:02.000Z');
  });

  it('clears the entries of documents stored as the server holds them, and only those', async () => {
    const database = await open();
    const server = new Map<string, AnyDoc>();
    for (const id of ['held', 'edited', 'unknown', 'deleted', 'deleting']) server.set(id, { ...buildWorkOrder({ id }), _deleted: false });
    const write = (id: string, change: Partial<WorkOrder>) => saveDocument(database, 'workOrders', { ...(server.get(id) as WorkOrder), ...change });
    // Stored as the server has it but for the stamp (the server's own): an entry left behind.
    await write('held', {});
    await write('edited', { status: 'en_route' });
    await write('unknown', {});
    await write('deleted', {});
    await write('deleting', {});
    await deleteDocument(database, 'workOrders', 'deleted');
    await deleteDocument(database, 'workOrders', 'deleting');
    server.set('deleted', { ...(server.get('deleted') as AnyDoc), _deleted: true });
    server.delete('unknown');
    await clearEntriesServerHolds(database, 'workOrders', async (ids) => new Map(ids.flatMap((id) => (server.has(id) ? [[id, server.get(id) as AnyDoc]] : []))));
    expect(await pendingIds(database)).toEqual(['workOrders/deleting', 'workOrders/edited', 'workOrders/unknown']);
  });
});
