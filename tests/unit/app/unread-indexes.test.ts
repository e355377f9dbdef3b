import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '@app/db/database';
import { withCleanupByChangeIndex, withoutUnreadIndexes, withoutUnreadIndexesOf } from '@app/db/unread-indexes';
import { buildSite, buildWorkOrder } from '../../helpers/factories';
import { openIndexedDb } from '../../helpers/raw-indexed-db';

type Note = { id: string; text: string };
const NOTE_SCHEMA: RxJsonSchema<Note> = {
  version: 0, primaryKey: 'id', type: 'object', properties: { id: { type: 'string', maxLength: 40 }, text: { type: 'string' } }, required: ['id', 'text'],
};
const fakeIndexedDb = { indexedDB, IDBKeyRange };
const leanStorage = () => withCleanupByChangeIndex(getRxStorageDexie(withoutUnreadIndexes(fakeIndexedDb)));

const opened: RxDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.remove();
});

async function notesDatabase(name: string, storage = leanStorage()) {
  const db = await createRxDatabase<{ notes: RxCollection<Note> }>({ name, storage, multiInstance: false });
  opened.push(db as unknown as RxDatabase);
  await db.addCollections({ notes: { schema: NOTE_SCHEMA } });
  return db;
}

/** The index names of a table as IndexedDB holds them. */
async function indexNamesOf(databaseName: string): Promise<string[]> {
  const idb = await openIndexedDb(databaseName);
  const names = [...idb.transaction('docs').objectStore('docs').indexNames];
  idb.close();
  return names;
}

describe("RxDB's tables without the indexes nothing reads", () => {
  it('keeps the primary key, the change feed index and the schema indexes of a table spec', () => {
    expect(withoutUnreadIndexesOf('id, [_deleted+id], [_deleted+scheduleKey+id], [_meta.lwt+id], _meta.lwt')).toBe('id, [_deleted+scheduleKey+id], [_meta.lwt+id]');
    // No index of its own: RxDB's planner reads the default one.
    expect(withoutUnreadIndexesOf('id, [_deleted+id], [_meta.lwt+id], _meta.lwt')).toBe('id, [_deleted+id], [_meta.lwt+id]');
    expect(withoutUnreadIndexesOf('key, [_deleted+key], [_deleted+tag+key], [_meta.lwt+key], _meta.lwt')).toBe('key, [_deleted+tag+key], [_meta.lwt+key]');
  });

  it('creates the app tables without `_meta.lwt` alone, and without `[_deleted+id]` where the schema has indexes of its own', async () => {
    const db = await openDatabase('unread-indexes-app', { indexedDB: fakeIndexedDb });
    opened.push(db as unknown as RxDatabase);
    await db.sites.insert(buildSite({ id: 'site-1' }));
    await db.workOrders.bulkInsert([buildWorkOrder({ id: 'wo-1', status: 'completed' }), buildWorkOrder({ id: 'wo-2', status: 'scheduled' })]);
    const siteIndexes = await indexNamesOf('rxdb-dexie-unread-indexes-app--0--sites');
    expect(siteIndexes.sort()).toEqual(['[_deleted+id]', '[_meta.lwt+id]']);
    const workOrderIndexes = await indexNamesOf('rxdb-dexie-unread-indexes-app--5--workOrders');
    expect(workOrderIndexes.sort()).toEqual(['[_deleted+scheduleKey+id]', '[_meta.lwt+id]']);
    // Every query RxDB can plan for the lean table still reads it: none, a selector no index holds, a count, one by id.
    expect((await db.workOrders.find().exec()).map((doc) => doc.id)).toEqual(['wo-1', 'wo-2']);
    expect((await db.workOrders.find({ selector: { status: 'scheduled' } }).exec()).map((doc) => doc.id)).toEqual(['wo-2']);
    expect(await db.workOrders.count().exec()).toBe(2);
    expect((await db.workOrders.findOne('wo-1').exec())?.status).toBe('completed');
  });

  it('holds every app schema to the rule: none declares its primary key as an index beside indexes of its own', async () => {
    const db = await openDatabase('unread-indexes-rule', { indexedDB: fakeIndexedDb });
    opened.push(db as unknown as RxDatabase);
    for (const collection of Object.values(db.collections)) {
      const indexes = (collection.schema.jsonSchema.indexes ?? []).map((index) => [index].flat().join('+'));
      const primaryKeyIndex = `_deleted+${collection.schema.primaryPath}`;
      const ownIndexes = indexes.filter((index) => index.startsWith('_deleted+') && index !== primaryKeyIndex);
      expect({ collection: collection.name, readsPrimaryKeyIndex: indexes.includes(primaryKeyIndex) }).toEqual({ collection: collection.name, readsPrimaryKeyIndex: ownIndexes.length === 0 });
    }
  });

  it('purges tombstones older than asked and keeps live documents and newer tombstones', async () => {
    const db = await notesDatabase('unread-indexes-purge');
    const notes = db.notes;
    await notes.bulkInsert([{ id: 'kept', text: 'live' }, { id: 'old-tombstone', text: 'gone' }]);
    await (await notes.findOne('old-tombstone').exec())?.remove();
    const cutoff = Date.now();
    while (Date.now() <= cutoff) await new Promise((resolve) => setTimeout(resolve, 1));
    await notes.insert({ id: 'new-tombstone', text: 'gone later' });
    await (await notes.findOne('new-tombstone').exec())?.remove();
    // Tombstones deleted before `cutoff`: older than (now - cutoff) ms.
    await notes.storageInstance.cleanup(Date.now() - cutoff);
    const stored = await notes.storageInstance.findDocumentsById(['kept', 'old-tombstone', 'new-tombstone'], true);
    expect(stored.map((doc) => doc.id).sort()).toEqual(['kept', 'new-tombstone']);
  });

  it('opens a table created with the index as it is, and reads and writes it', async () => {
    const before = await notesDatabase('unread-indexes-existing', getRxStorageDexie(fakeIndexedDb));
    await before.notes.insert({ id: 'from-before', text: 'stored by the stock storage' });
    await before.close();
    opened.splice(opened.indexOf(before as unknown as RxDatabase), 1);
    expect(await indexNamesOf('rxdb-dexie-unread-indexes-existing--0--notes')).toContain('_meta.lwt');

    const after = await notesDatabase('unread-indexes-existing');
    expect((await after.notes.findOne('from-before').exec())?.toJSON()).toMatchObject({ text: 'stored by the stock storage' });
    await after.notes.insert({ id: 'from-after', text: 'stored now' });
    expect(await after.notes.count().exec()).toBe(2);
  });
});
