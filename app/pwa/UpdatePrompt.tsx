import { useEffect, useRef, useState } from 'react';
import { useObservable } from '../components/useObservable';
import { useSessionApi } from '../session/SessionContext';
import { applyUpdate, startServiceWorker, updateState$ } from './service-worker';

/** Long enough to read, short enough not to sit over the screen. */
const OFFLINE_READY_NOTICE_MS = 6000;

/**
 * "New version — reload". It never takes focus (an engineer may be typing); it waits for local
 * writes in flight before reloading, and says that unsynced changes stay on the device — they are
 * in IndexedDB and sync after the reload as before.
 */
export function UpdatePrompt() {
  const { state } = useSessionApi();
  const update = useObservable(() => updateState$, [], updateState$.getValue());
  const [dismissed, setDismissed] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [showOfflineReady, setShowOfflineReady] = useState(false);

  // The registration lives for the page; the idle check follows whoever is signed in now.
  const database = state.kind === 'signed-in' ? state.session.db : undefined;
  const databaseRef = useRef(database);
  useEffect(() => {
    databaseRef.current = database;
  }, [database]);
  useEffect(() => startServiceWorker({ waitForIdle: async () => databaseRef.current?.requestIdlePromise() }), []);

  useEffect(() => {
    if (!update.offlineReady) return;
    setShowOfflineReady(true);
    const timer = setTimeout(() => setShowOfflineReady(false), OFFLINE_READY_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [update.offlineReady]);

  async function reload() {
    setReloading(true);
    try {
      await applyUpdate();
    } catch (error) {
      console.error('switching to the new version failed', error);
      setReloading(false);
    }
  }

  if (update.needRefresh && !dismissed) {
    return (
      <aside className="update-prompt" aria-labelledby="update-title" data-testid="update-prompt">
        <p id="update-title" role="status">
          A new version of Field Service is ready.
        </p>
        <p>Reloading keeps your changes, including ones not synced yet: they are saved on this device.</p>
        <button type="button" className="primary" disabled={reloading} onClick={() => void reload()}>
          {reloading ? 'Reloading…' : 'Reload now'}
        </button>
        <button type="button" disabled={reloading} onClick={() => setDismissed(true)}>
          Later
        </button>
      </aside>
    );
  }
  if (showOfflineReady) {
    return (
      <p className="update-prompt update-prompt--info" role="status">
        Field Service is ready to work offline.
      </p>
    );
  }
  return null;
}
