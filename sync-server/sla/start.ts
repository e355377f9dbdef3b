import type { AppDeps } from '../app-deps';
import { SlaChecker } from './checker';
import { type ScheduledTask, startScheduledTask } from './scheduled-task';

/** The SLA checker as a scheduled task (SLA_CHECK_INTERVAL_MS; 0 = off in this process). */
export function startSlaChecker(deps: AppDeps): ScheduledTask | undefined {
  const { config, logger } = deps;
  if (config.SLA_CHECK_INTERVAL_MS === 0) return undefined;
  let claims = 0;
  const crashAfter = config.SLA_TEST_CRASH_AFTER_CLAIMS;
  const checker = new SlaChecker(deps, {
    batch: config.SLA_CHECK_BATCH,
    // Tests only: die abruptly between a claim and its notifications, as a crashed process would.
    afterClaim: crashAfter
      ? () => {
          claims += 1;
          if (claims >= crashAfter) {
            logger.warn({ claims }, 'SLA_TEST_CRASH_AFTER_CLAIMS reached: killing this process');
            process.kill(process.pid, 'SIGKILL');
          }
        }
      : undefined,
  });
  return startScheduledTask('sla-checker', config.SLA_CHECK_INTERVAL_MS, () => runUntilCaughtUp(checker, config.SLA_CHECK_BATCH), logger);
}

/** A full batch means more may be due (after downtime, say): keep going, a bounded number of times. */
const MAX_BATCHES_PER_RUN = 20;

async function runUntilCaughtUp(checker: SlaChecker, batch: number) {
  const total = { tickets: 0, crossed: 0, notifications: 0 };
  for (let round = 0; round < MAX_BATCHES_PER_RUN; round++) {
    const run = await checker.runOnce();
    total.tickets += run.tickets;
    total.crossed += run.crossed;
    total.notifications += run.notifications;
    if (run.tickets < batch || run.crossed === 0) break;
  }
  // Part of this task, off the next run's clock; and a stop waits for it, not the store's shutdown.
  await checker.indexRefreshed;
  return total;
}
