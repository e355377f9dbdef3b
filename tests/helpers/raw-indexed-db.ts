/** Opens (creating when missing) an IndexedDB database directly, outside RxDB and Dexie. */
export function openIndexedDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Leaves an (empty) IndexedDB database of this name on the device, as another app or user would. */
export async function createIndexedDb(name: string): Promise<void> {
  (await openIndexedDb(name)).close();
}
