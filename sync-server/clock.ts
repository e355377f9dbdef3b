import fs from 'node:fs';

/** Injectable time source: tests move it, the server uses the wall clock. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/**
 * Tests only: "now" is the ISO time written in a file, so several server processes share one
 * clock that a test moves forward (the SLA checker's two-process test). Falls back to the wall
 * clock while the file is missing or empty.
 */
export function fileClock(file: string): Clock {
  return {
    now: () => {
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? new Date() : new Date(ms);
    },
  };
}
