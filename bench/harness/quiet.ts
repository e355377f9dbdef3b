import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second of /proc's CPU times (100 on every Linux this runs on; asked once). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export type QuietWait = { waitedMs: number; quiet: boolean };

/**
 * Waits until the given processes together use less than `maxShare` of one core over a window,
 * or `timeoutMs` passed. A contender that writes to the store (PouchDB's and RxDB's checkpoints)
 * could leave it busy into the next contender's run; the check makes sure each starts on an idle
 * stack (in the bench's runs so far it always was).
 */
export async function untilQuiet(pids: readonly number[], { windowMs = 200, maxShare = 0.05, timeoutMs = 5_000 } = {}): Promise<QuietWait> {
  const started = performance.now();
  for (;;) {
    const before = cpuMsOf(pids);
    const windowStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const share = (cpuMsOf(pids) - before) / (performance.now() - windowStart);
    const waitedMs = performance.now() - started;
    if (share < maxShare) return { waitedMs, quiet: true };
    if (waitedMs >= timeoutMs) return { waitedMs, quiet: false };
  }
}

/** CPU time the processes used so far (user + system, 10 ms ticks), from /proc/<pid>/stat; a process gone counts 0. */
export function cpuMsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
