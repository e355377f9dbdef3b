import { useCallback, useEffect, useState } from 'react';
import { ensurePersistentStorage, readStorageStatus, requestPersistentStorageAgain, type StorageStatus } from './storage';

type PersistentStorage = {
  /** Undefined until the first read finishes. */
  status: StorageStatus | undefined;
  /** Asks again (from a button: a user gesture) and re-reads the status. */
  requestAgain: () => Promise<void>;
  refresh: () => Promise<void>;
};

/**
 * Asks for persistent storage once the user is signed in (their unsynced work lives in IndexedDB)
 * and reports whether it is persistent and how much is used.
 */
export function usePersistentStorage(enabled = true): PersistentStorage {
  const [status, setStatus] = useState<StorageStatus>();
  const refresh = useCallback(async () => setStatus(await readStorageStatus()), []);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    ensurePersistentStorage()
      .then(readStorageStatus)
      .then(
        (next) => !cancelled && setStatus(next),
        (error: unknown) => console.warn('storage status unavailable', error),
      );
    return () => {
      cancelled = true;
    };
  }, [enabled]);

  const requestAgain = useCallback(async () => {
    await requestPersistentStorageAgain();
    await refresh();
  }, [refresh]);

  return { status, requestAgain, refresh };
}
