import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@app/db/database';
import { deleteStoredDatabases, storedDatabasesOf } from '@app/db/stored-databases';
import { buildSite } from '../../helpers/factories';
import { createIndexedDb } from '../../helpers/raw-indexed-db';

describe("a signed-out user's databases", () => {
  it('are deleted after RxDB emptied them, and nobody else’s are', async () => {
    await createIndexedDb('rxdb-dexie-fs-user-wiped2--0--sites');
    const db = await openDatabase('fs-user-wiped', { indexedDB: { indexedDB, IDBKeyRange } });
    await db.sites.insert(buildSite({ id: 'site-1' }));
    await db.remove();
    // RxDB's remove() empties its databases but leaves them.
    expect((await storedDatabasesOf('fs-user-wiped')).length).toBeGreaterThan(10);
    await deleteStoredDatabases('fs-user-wiped');
    expect(await storedDatabasesOf('fs-user-wiped')).toEqual([]);
    expect(await storedDatabasesOf('fs-user-wiped2')).toEqual(['rxdb-dexie-fs-user-wiped2--0--sites']);
  });
});
