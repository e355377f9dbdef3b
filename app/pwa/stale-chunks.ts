/**
 * A lazy route whose chunk fails to load usually means a newer build has replaced the one this
 * page started with (a page the service worker does not control yet, or a browser without one).
 * Reloading fetches the new shell; local data lives in IndexedDB, so nothing is lost.
 * https://vite.dev/guide/build#load-error-handling
 */
const LAST_RELOAD_KEY = 'fs.staleChunkReloadAt';
/** A chunk that is really missing must show the route's error, not loop on reloads. */
const MIN_RELOAD_GAP_MS = 30_000;

export function reloadOnStaleChunk(): void {
  window.addEventListener('vite:preloadError', (event) => {
    // Offline, a reload would only show the browser's offline page instead of the app.
    if (!navigator.onLine) return;
    const last = Number(sessionStorage.getItem(LAST_RELOAD_KEY) ?? 0);
    if (Date.now() - last < MIN_RELOAD_GAP_MS) return;
    sessionStorage.setItem(LAST_RELOAD_KEY, String(Date.now()));
    event.preventDefault();
    window.location.reload();
  });
}
