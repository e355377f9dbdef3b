import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@shared/schemas/collections';
import { openDatabase, type AppDatabase } from '@app/db/database';
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
    expect(stored?.toJSON()).toEqual(fields);
  });

  it('refuses a document that breaks its schema', async () => {
    const database = await open();
    await expect(database.workOrders.insert({ ...buildWorkOrder(), status: 'teleported' } as never)).rejects.toThrow();
  });
});
