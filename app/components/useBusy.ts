import { useCallback, useRef, useState } from 'react';

/**
 * One submit at a time: `busy` disables the button while the action runs, and `guard` ignores a
 * second start before the first has finished (a double click, or Enter pressed twice, can start
 * two before React re-renders the button as disabled), so a form never creates its document twice.
 * Resolves with the action's result, or undefined when the call was ignored.
 */
export function useBusy() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const guard = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    try {
      return await action();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, guard };
}
