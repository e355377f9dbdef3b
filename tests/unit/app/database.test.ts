import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@shared/schemas/collections';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { withoutDerivedFields } from '@app/db/derived-fields';
import { toDomain } from '@app/db/hooks';
import { saveDocument } from '@app/db/writes';
import {
  buildActivity, buildAsset, buildAttachment, buildCategory, buildComment, buildNotification, buildSite, buildSlaPolicy, buildTicket, buildUser, buildWorkOrder,
} from '../../helpers/factories';

let db: AppDatabase | undefined;
let counter = 0;
const open = async () => (db = await openDatabase(`test-db-${++counter}`, { indexedDB: { indexedDB, IDBKeyRange }, validate: true }));
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const samples = {
  users: buildUser, sites: buildSite, assets: buildAsset, tickets: buildTicket, workOrders: buildWorkOrder, comments: buildComment,
  activities: buildActivity, notifications: buildNotification, slaPolicies: buildSlaPolicy, categories: buildCategory, attachments: buildAttachment,
};

describe('local database', () => {
  it('has one collection per document type (schemas generated from zod) plus the outbox and the conflict records', async () => {
    const database = await open();
    expect(Object.keys(database.collections).sort()).toEqual([...COLLECTION_NAMES, 'conflicts', 'outbox'].sort());
  });

  it.each(COLLECTION_NAMES)('stores and reads back a valid %s', async (collection) => {
    const database = await open();
    const doc = samples[collection]();
    await database[collection].insert(doc as never);
    const stored = await database[collection].findOne(doc.id).exec();
    // RxDB keeps `_deleted` in its own metadata, not in the document's JSON.
    const { _deleted, ...fields } = doc;
    expect(_deleted).toBe(false);
    // Derived index fields (app/db/derived-fields.ts) are the device's own, not the document's.
    expect(withoutDerivedFields(stored?.toJSON())).toEqual(fields);
  });

  it('stores a work order with its open state and start in UTC for the Today index, and leaves them out of the domain', async () => {
    const database = await open();
    const doc = { ...buildWorkOrder({ id: 'wo-offset', status: 'scheduled', scheduledStart: '2026-03-01T23:30:00-10:00' }) };
    await saveDocument(database, 'workOrders', doc);
    const stored = await database.workOrders.findOne('wo-offset').exec();
    expect(stored?.toJSON()).toMatchObject({ scheduledStart: '2026-03-01T23:30:00-10:00', scheduleKey: 'open:2026-03-02T09:30:00.000Z' });
    // Moved by an edit: the derived key follows; and so it does when the work order is done.
    await stored?.incrementalPatch({ scheduledStart: '2026-03-03T08:00:00+01:00' });
    expect((await database.workOrders.findOne('wo-offset').exec())?.toJSON()).toMatchObject({ scheduleKey: 'open:2026-03-03T07:00:00.000Z' });
    await (await database.workOrders.findOne('wo-offset').exec())?.incrementalPatch({ status: 'cancelled' });
    expect((await database.workOrders.findOne('wo-offset').exec())?.toJSON()).toMatchObject({ scheduleKey: 'done:2026-03-03T07:00:00.000Z' });
    expect(toDomain((await database.workOrders.findOne('wo-offset').exec())?.toJSON())).not.toHaveProperty('scheduleKey');
  });

  it('refuses a document that breaks its schema', async () => {
    const database = await open();
    await expect(database.workOrders.insert({ ...buildWorkOrder(), status: 'teleported' } as never)).rejects.toThrow();
  });
});
