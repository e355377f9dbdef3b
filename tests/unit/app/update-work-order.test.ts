import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { saveDocument } from '@app/db/writes';
import { updateWorkOrder } from '@app/features/work-orders/update-work-order';
import { addNote, InputError, toggleChecklistItem } from '@app/features/work-orders/work-order-actions';
import { buildWorkOrder } from '../../helpers/factories';

let db: AppDatabase | undefined;
let counter = 0;
const open = async () => (db = await openDatabase(`update-wo-${++counter}`, { indexedDB: { indexedDB, IDBKeyRange }, validate: true }));
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const user = { id: 'user-eng1' };
const now = new Date('2026-03-02T10:00:00.000Z');

describe('updateWorkOrder', () => {
  it('two quick changes both land: each applies to the stored result of the one before', async () => {
    const database = await open();
    await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-q' }));
    await Promise.all([
      updateWorkOrder(database, 'wo-q', (wo) => toggleChecklistItem(wo, 'chk-1', user, now)),
      updateWorkOrder(database, 'wo-q', (wo) => toggleChecklistItem(wo, 'chk-2', user, now)),
      updateWorkOrder(database, 'wo-q', (wo) => addNote(wo, 'Both ticked', user, now, 'n1')),
    ]);
    const stored = await database.workOrders.findOne('wo-q').exec();
    expect(stored?.checklist.map((item) => item.done)).toEqual([true, true]);
    expect(stored?.notes.map((note) => note.text)).toEqual(['Both ticked']);
    expect(await database.outbox.count().exec()).toBe(1);
  });

  it('a refused change stores nothing and does not block the next one', async () => {
    const database = await open();
    await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-r' }));
    const refused = updateWorkOrder(database, 'wo-r', (wo) => addNote(wo, '  ', user, now));
    const next = updateWorkOrder(database, 'wo-r', (wo) => addNote(wo, 'ok', user, now, 'n2'));
    await expect(refused).rejects.toBeInstanceOf(InputError);
    expect((await next).notes).toHaveLength(1);
  });

  it('a work order that left the device is reported, not recreated', async () => {
    const database = await open();
    await expect(updateWorkOrder(database, 'gone', (wo) => wo)).rejects.toThrow(/no longer on this device/);
    expect(await database.workOrders.findOne('gone').exec()).toBeNull();
  });
});
