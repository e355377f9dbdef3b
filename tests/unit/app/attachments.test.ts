import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '@shared/schemas/attachment';
import { addWorkOrderPhoto, appendPhoto, readWorkOrder, saveWorkOrderSignature } from '@app/db/attachments';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { LocalValidationError, saveDocument } from '@app/db/writes';
import { buildWorkOrder, TINY_PNG_BASE64 } from '../../helpers/factories';

let db: AppDatabase | undefined;
let counter = 0;
const open = async () => (db = await openDatabase(`attachments-db-${++counter}`, { indexedDB: { indexedDB, IDBKeyRange }, validate: true }));
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const image = { base64: TINY_PNG_BASE64, contentType: 'image/png' as const, size: 68 };
const NOW = new Date('2026-03-02T10:00:00.000Z');
const pendingIds = async (database: AppDatabase) => (await database.outbox.find().exec()).map((entry) => entry.id).sort();

describe('work order photos and signatures', () => {
  it('stores a photo as an attachment, appends it to the work order, and marks both unsynced', async () => {
    const database = await open();
    const wo = await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-photo' }));
    const id = await addWorkOrderPhoto(database, wo, image, 'user-eng1', NOW);
    const attachment = (await database.attachments.findOne(id).exec())?.toJSON();
    expect(attachment).toMatchObject({ kind: 'photo', ownerCollection: 'workOrders', ownerId: 'wo-photo', createdBy: 'user-eng1', data: TINY_PNG_BASE64 });
    expect((await readWorkOrder(database, 'wo-photo'))?.photos).toEqual([id]);
    expect(await pendingIds(database)).toEqual([`attachments/${id}`, 'workOrders/wo-photo']);
  });

  it('adds to the work order as stored now, not the copy the screen rendered earlier', async () => {
    const database = await open();
    const rendered = await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-stale' }));
    // While the photo is being compressed, a note is added (or a sync lands).
    await saveDocument(database, 'workOrders', { ...rendered, notes: [{ id: 'n1', at: NOW.toISOString(), by: 'user-eng1', text: 'Filter replaced' }] });
    const first = await addWorkOrderPhoto(database, rendered, image, 'user-eng1', NOW);
    const second = await addWorkOrderPhoto(database, rendered, image, 'user-eng1', NOW);
    const stored = await readWorkOrder(database, 'wo-stale');
    expect(stored?.notes.map((note) => note.id)).toEqual(['n1']);
    expect(stored?.photos).toEqual([first, second]);
  });

  it('records the signature with the customer name and time, pointing at a signature attachment', async () => {
    const database = await open();
    const wo = await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-sign' }));
    const saved = await saveWorkOrderSignature(database, wo, { name: '  Pat Customer ', image, userId: 'user-eng1' }, NOW);
    expect(saved.signature).toMatchObject({ name: 'Pat Customer', at: NOW.toISOString() });
    const attachment = await database.attachments.findOne(saved.signature?.attachmentId ?? '').exec();
    expect(attachment?.kind).toBe('signature');
  });

  it('refuses bytes over the attachment limit before anything is stored', async () => {
    const database = await open();
    const wo = await saveDocument(database, 'workOrders', buildWorkOrder({ id: 'wo-big' }));
    const attempt = addWorkOrderPhoto(database, wo, { ...image, size: MAX_ATTACHMENT_BYTES + 1 }, 'user-eng1', NOW);
    await expect(attempt).rejects.toBeInstanceOf(LocalValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'size' });
    expect((await readWorkOrder(database, 'wo-big'))?.photos).toEqual([]);
    expect(await database.attachments.count().exec()).toBe(0);
  });

  it('appending a photo already listed changes nothing', () => {
    const wo = buildWorkOrder({ photos: ['att-1'] });
    expect(appendPhoto(wo, 'att-1')).toBe(wo);
    expect(appendPhoto(wo, 'att-2').photos).toEqual(['att-1', 'att-2']);
  });
});
