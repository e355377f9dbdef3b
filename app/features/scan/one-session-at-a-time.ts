/**
 * Camera sessions on the scanner's one `<video>`, one at a time. Stopping a session clears the
 * element's stream (ZXing's clean-up), so a start cancelled midway (the camera switched, the tab
 * hidden and shown again) that stopped after the next session had attached its stream would leave
 * that session decoding a blank or frozen preview. Each start therefore waits until the one before
 * has started and, if it was cancelled meanwhile, stopped; a start cancelled before its turn never
 * opens the camera.
 */
export function oneSessionAtATime<S extends { stop: () => void }>() {
  let previous: Promise<unknown> = Promise.resolve();
  return (start: () => Promise<S>, isCancelled: () => boolean): Promise<S | undefined> => {
    const run = previous.then(async () => {
      if (isCancelled()) return undefined;
      const session = await start();
      if (!isCancelled()) return session;
      session.stop();
      return undefined;
    });
    // A failed start is its caller's to report; the next one just takes its turn.
    previous = run.catch(() => undefined);
    return run;
  };
}
