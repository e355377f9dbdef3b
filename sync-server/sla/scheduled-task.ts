import type { Logger } from '../logger';

export type ScheduledTask = { stop: () => Promise<void> };

/**
 * A small declared unit of scheduled work: runs `run` now and then every `intervalMs` after the
 * previous run finished (runs never overlap), logs what each run did, and logs (never swallows) a
 * failed run before trying again next time. `stop` waits for a run in progress.
 */
export function startScheduledTask(name: string, intervalMs: number, run: () => Promise<Record<string, number>>, logger: Logger): ScheduledTask {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    current = run()
      .then((result) => {
        const busy = Object.values(result).some((value) => value > 0);
        logger[busy ? 'info' : 'debug']({ task: name, ...result }, `${name} run`);
      })
      .catch((error: unknown) => logger.error({ task: name, err: error }, `${name} run failed`))
      .finally(() => {
        current = undefined;
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
