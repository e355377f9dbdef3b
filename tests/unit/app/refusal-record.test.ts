import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { decodeValue, recordRefusal } from '@app/db/conflicts';
import { buildAsset, buildCategory } from '../../helpers/factories';

let db: AppDatabase | undefined;
let counter = 0;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});
const open = async () => (db = await openDatabase(`refusal-record-${++counter}`, { indexedDB: { indexedDB, IDBKeyRange } }));

describe('the record of a refused change', () => {
  it('of a new document keeps what the user entered, without the document’s bookkeeping or the empty fields', async () => {
    const database = await open();
    const mine = buildAsset({ id: 'asset-new', tag: 'AST-NEW-1', name: 'Temporary chiller', manufacturer: '', model: '' });
    await recordRefusal(database, { collection: 'assets', mine, theirs: { ...mine, _deleted: true }, refusal: { message: 'tag AST-NEW-1 is already used', field: 'tag' } });
    const [record] = (await database.conflicts.find().exec()).map((doc) => doc.toJSON());
    expect(record).toMatchObject({ docLabel: 'Temporary chiller', path: 'change', documentDeleted: true, reason: 'refused' });
    const kept = decodeValue(record?.mine ?? '') as Record<string, unknown>;
    expect(kept).toMatchObject({ tag: 'AST-NEW-1', name: 'Temporary chiller', siteId: mine.siteId });
    for (const key of ['id', 'type', 'createdAt', 'updatedAt', 'manufacturer', 'model']) expect(kept).not.toHaveProperty(key);
  });

  it('of a field of a stored document is headed by the document as it stands, not by the refused value', async () => {
    const database = await open();
    const theirs = buildCategory({ id: 'cat-1', name: 'Plumbing' });
    await recordRefusal(database, { collection: 'categories', mine: { ...theirs, name: 'Water & drainage' }, theirs, refusal: { message: 'name taken', field: 'name' } });
    const [record] = (await database.conflicts.find().exec()).map((doc) => doc.toJSON());
    expect(record).toMatchObject({ docLabel: 'Plumbing', path: 'name', mine: '"Water & drainage"', kept: '"Plumbing"' });
  });
});
