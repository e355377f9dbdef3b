import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '@app/db/database';
import { withCleanupByChangeIndex, withoutCleanupIndex } from '@app/db/cleanup-index';
import { buildSite } from '../../helpers/factories';
import { openIndexedDb } from '../../helpers/raw-indexed-db';

type Note = { id: string; text: string };
const NOTE_SCHEMA: RxJsonSchema<Note> = {
  version: 0, primaryKey: 'id', type: 'object', properties: { id: { type: 'string', maxLength: 40 }, text: { type: 'string' } }, required: ['id', 'text'],
};
const fakeIndexedDb = { indexedDB, IDBKeyRange };
const leanStorage = () => withCleanupByChangeIndex(getRxStorageDexie(withoutCleanupIndex(fakeIndexedDb)));

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

describe("RxDB's tables without the cleanup-only index", () => {
  it('creates every table of the app database without `_meta.lwt` alone, keeping the change feed index', async () => {
    const db = await openDatabase('cleanup-index-app', { indexedDB: fakeIndexedDb });
    opened.push(db as unknown as RxDatabase);
    await db.sites.insert(buildSite({ id: 'site-1' }));
    const names = await indexNamesOf('rxdb-dexie-cleanup-index-app--0--sites');
    expect(names).toContain('[_meta.lwt+id]');
    expect(names).toContain('[_deleted+id]');
    expect(names).not.toContain('_meta.lwt');
  });

  it('purges tombstones older than asked and keeps live documents and newer tombstones', async () => {
    const db = await notesDatabase('cleanup-index-purge');
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
    const before = await notesDatabase('cleanup-index-existing', getRxStorageDexie(fakeIndexedDb));
    await before.notes.insert({ id: 'from-before', text: 'stored by the stock storage' });
    await before.close();
    opened.splice(opened.indexOf(before as unknown as RxDatabase), 1);
    expect(await indexNamesOf('rxdb-dexie-cleanup-index-existing--0--notes')).toContain('_meta.lwt');

    const after = await notesDatabase('cleanup-index-existing');
    expect((await after.notes.findOne('from-before').exec())?.toJSON()).toMatchObject({ text: 'stored by the stock storage' });
    await after.notes.insert({ id: 'from-after', text: 'stored now' });
    expect(await after.notes.count().exec()).toBe(2);
  });
});
