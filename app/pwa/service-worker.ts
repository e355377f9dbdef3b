import { BehaviorSubject } from 'rxjs';
import { registerSW } from 'virtual:pwa-register';
import { reloadOnStaleChunk } from './stale-chunks';

/**
 * The service worker's life on this page, registered once (StrictMode runs effects twice, and a
 * second registerSW would add a second set of listeners). vite-plugin-pwa's registerSW drives
 * workbox-window: https://vite-pwa-org.netlify.app/guide/prompt-for-update
 */
export type UpdateState = {
  /** A new version is installed and waiting; reloading switches to it. */
  needRefresh: boolean;
  /** The app shell is precached: the app now starts without a network. */
  offlineReady: boolean;
};

export const updateState$ = new BehaviorSubject<UpdateState>({ needRefresh: false, offlineReady: false });

/** Hourly, as the plugin's docs suggest; plus whenever the app comes back to the foreground. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;
/** Switching apps often should not mean a request each time. */
const MIN_VISIBLE_CHECK_GAP_MS = 5 * 60 * 1000;

type Options = {
  /** Resolves when no local write is in flight, so a reload cannot cut one off. */
  waitForIdle: () => Promise<void>;
};

let started = false;
let reloading = false;
let activateWaiting: ((reloadPage?: boolean) => Promise<void>) | undefined;
let registration: ServiceWorkerRegistration | undefined;
let lastCheckAt = 0;
let options: Options = { waitForIdle: () => Promise.resolve() };

export function startServiceWorker(next: Options): void {
  options = next;
  if (started) return;
  started = true;
  reloadOnStaleChunk();
  if (!('serviceWorker' in navigator)) return;
  activateWaiting = registerSW({
    immediate: true,
    onNeedRefresh: () => {
      patch({ needRefresh: true });
      // The plugin reloads on 'controlling' only if this page was controlled when it registered;
      // on the first visit it was not (clientsClaim took it later), so listen for the switch too.
      navigator.serviceWorker.addEventListener('controllerchange', () => void reloadWhenIdle(), { once: true });
    },
    onOfflineReady: () => patch({ offlineReady: true }),
    // The new version took control (accepted here or in another tab): reload, but not mid-write.
    onNeedReload: () => void reloadWhenIdle(),
    onRegisteredSW: (_url, registered) => {
      registration = registered;
      if (!registered) return;
      setInterval(() => void checkForUpdate(), UPDATE_CHECK_INTERVAL_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible' && Date.now() - lastCheckAt > MIN_VISIBLE_CHECK_GAP_MS) void checkForUpdate();
      });
    },
    onRegisterError: (error: unknown) => console.error('service worker registration failed', error),
  });
}

/** Asks the server for a newer sw.js; a new one installs in the background and sets needRefresh. */
export async function checkForUpdate(): Promise<'found' | 'latest' | 'offline' | 'unavailable'> {
  if (!registration) return 'unavailable';
  if (!navigator.onLine) return 'offline';
  lastCheckAt = Date.now();
  try {
    await registration.update();
    // update() resolves once sw.js is fetched; a changed one is then installing.
    return registration.installing || registration.waiting ? 'found' : 'latest';
  } catch (error) {
    // A flaky network mid-check: the next hourly or foreground check tries again.
    console.warn('service worker update check failed', error);
    return 'offline';
  }
}

/**
 * Switches to the waiting version. Local writes live in IndexedDB (and the outbox until the server
 * has them), so the reload keeps unsynced work; we only wait for writes still in flight.
 */
export async function applyUpdate(): Promise<void> {
  await options.waitForIdle();
  // Posts SKIP_WAITING; the switch of controller then reloads every tab (see onNeedRefresh).
  await activateWaiting?.(true);
}

async function reloadWhenIdle(): Promise<void> {
  if (reloading) return;
  reloading = true;
  try {
    await options.waitForIdle();
  } finally {
    window.location.reload();
  }
}

function patch(change: Partial<UpdateState>): void {
  updateState$.next({ ...updateState$.getValue(), ...change });
}
