/**
 * The IndexedDB databases RxDB's Dexie storage keeps for one app database: it names them
 * `rxdb-dexie-<name>--<schema version>--<collection>` (and its own internal ones alike).
 */
function ownedBy(databaseName: string): RegExp {
  return new RegExp(`^rxdb-dexie-${databaseName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}--\\d+--`);
}

/** The names of this app database's IndexedDB databases now on the device. */
export async function storedDatabasesOf(databaseName: string): Promise<string[]> {
  const ours = ownedBy(databaseName);
  return (await indexedDB.databases()).flatMap((info) => (info.name !== undefined && ours.test(info.name) ? [info.name] : []));
}

/**
 * Deletes this app database's IndexedDB databases. RxDB's `remove()` empties and closes them but
 * leaves them on the device; deleting them too leaves nothing of the user behind, and a later
 * sign-in is a fresh device's (app/sync/first-pages.ts). A database another tab still holds open
 * is deleted once that tab lets go: this does not wait for it.
 */
export async function deleteStoredDatabases(databaseName: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const names = await storedDatabasesOf(databaseName);
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onblocked = () => resolve();
          request.onerror = () => {
            console.warn(`could not delete the emptied database ${name}`, request.error);
            resolve();
          };
        }),
    ),
  );
}
