import { useEffect } from 'react';

/** Longest wait for a home screen to show: another screen may be first (a deep link), and sync must start anyway. */
const FIRST_SCREEN_WAIT_MS = 1_000;
const FIRST_SCREEN_MARK = 'fs:first-screen-shown';

let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => (markShown = resolve));
let isShown = false;

function showFirstScreen(): void {
  if (isShown) return;
  isShown = true;
  // A User Timing mark: DevTools read when the first screen was painted.
  performance.mark(FIRST_SCREEN_MARK);
  markShown();
}

/**
 * Resolves once the first screen has shown its data, or after `maxWaitMs`. Sync's replications
 * start then: a fresh device's initial load writes 1,000-document pages, and IndexedDB runs an
 * origin's transactions one after another while each page's write holds the main thread for
 * 100–300 ms, so the home screen's first read waited up to a second behind them (bench/findings.md).
 */
export function firstScreenShown(maxWaitMs = FIRST_SCREEN_WAIT_MS): Promise<void> {
  return Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]);
}

/** A home screen reports that its data is on screen; the mark is taken after the next frame paints. */
export function useFirstScreenShown(ready: boolean): void {
  useEffect(() => {
    if (ready) requestAnimationFrame(() => setTimeout(showFirstScreen, 0));
  }, [ready]);
}
