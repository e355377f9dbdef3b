/**
 * Persistent storage and storage use. Without persistence the browser may evict IndexedDB under
 * storage pressure — and with it any change that has not reached the server yet.
 * https://storage.spec.whatwg.org/#persistence
 */
export type StorageStatus = {
  /** The browser has the Storage API at all (older Safari, some webviews do not). */
  supported: boolean;
  persisted: boolean;
  usageBytes?: number;
  quotaBytes?: number;
};

let persistRequest: Promise<boolean> | undefined;

/**
 * Asks for persistence once per page load: the layout and the Settings screen both call this.
 * Chromium grants or refuses silently by heuristics (installed, engagement); Firefox may ask the
 * user, and remembers the answer, so asking again on the next load does not nag.
 */
export function ensurePersistentStorage(): Promise<boolean> {
  persistRequest ??= requestPersistence();
  return persistRequest;
}

/** An explicit request (a button press), which Firefox needs to show its prompt again. */
export function requestPersistentStorageAgain(): Promise<boolean> {
  persistRequest = requestPersistence();
  return persistRequest;
}

async function requestPersistence(): Promise<boolean> {
  const storage = storageManager();
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch (error) {
    // Refused by the browser (e.g. a private window): the app works, data is merely evictable.
    console.warn('persistent storage request failed', error);
    return false;
  }
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = storageManager();
  if (!storage) return { supported: false, persisted: false };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted() : Promise.resolve(false),
    storage.estimate ? storage.estimate() : Promise.resolve<StorageEstimate>({}),
  ]);
  return { supported: true, persisted, usageBytes: estimate.usage, quotaBytes: estimate.quota };
}

/** "12.3 MB": one decimal below 100 MB, whole megabytes above (1 MB = 10^6 bytes, as browsers report). */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 1_000_000;
  return `${megabytes.toLocaleString(undefined, { maximumFractionDigits: megabytes < 100 ? 1 : 0 })} MB`;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;
}
