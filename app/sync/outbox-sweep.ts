import { getAssumedMasterState } from 'rxdb';
import { asyncScheduler, debounceTime, exhaustMap, filter, map, merge, skipUntil, startWith, take, takeUntil, timer, type Observable, type SchedulerLike } from 'rxjs';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { AppDatabase } from '../db/database';
import { clearEntriesServerHolds } from '../db/writes';
import type { CollectionReplication } from './replication';

/** Quiet time before the check: a reconnect's pushes and pulls come in bursts with short gaps. */
const IDLE_MS = 300;
/**
 * The longest a replication that keeps waking can put the check off: short syncs less than
 * IDLE_MS apart (a busy change stream, a test polling for convergence) never leave it quiet that long.
 */
const BUSY_MS = 3_000;

/**
 * The moments to check: the first idle moment after a check opens a wait, which ends once the
 * replication has been quiet for IDLE_MS, or, when it keeps waking before that, at its first idle
 * moment after BUSY_MS. Checking between two short syncs is safe (the check compares with RxDB's
 * own account of the server and removes with a revision check); bursts only defer it because it
 * would mostly find nothing then.
 */
export function checkMoments(active$: Observable<boolean>, scheduler: SchedulerLike = asyncScheduler): Observable<void> {
  const idle$ = active$.pipe(filter((active) => !active));
  const quiet$ = active$.pipe(startWith(false), debounceTime(IDLE_MS, scheduler), filter((active) => !active));
  const idleWhenOverdue$ = idle$.pipe(skipUntil(timer(BUSY_MS, scheduler)));
  return idle$.pipe(
    exhaustMap(() => merge(quiet$, idleWhenOverdue$).pipe(take(1))),
    map(() => undefined),
  );
}

/**
 * Whenever a collection's replication is idle (see checkMoments), its outbox entries are checked
 * against what RxDB assumes the server holds, and those with nothing left to push are cleared
 * (app/db/writes.ts, clearEntriesServerHolds): a document must never show "not yet on the server"
 * for good because one settling step was missed. One check at a time; it stops with the replication.
 */
export function sweepOutboxWhenIdle(db: AppDatabase, collection: CollectionName, replication: CollectionReplication): void {
  checkMoments(replication.active$)
    .pipe(
      exhaustMap(() => sweep(db, collection, replication)),
      takeUntil(replication.canceled$.pipe(filter(Boolean))),
    )
    .subscribe();
}

async function sweep(db: AppDatabase, collection: CollectionName, replication: CollectionReplication): Promise<void> {
  const state = replication.internalReplicationState;
  if (!state || replication.isStopped()) return;
  const serverStates = async (docIds: string[]) => {
    const assumed = await getAssumedMasterState(state, docIds);
    return new Map(Object.entries(assumed).map(([id, { docData }]) => [id, docData as AnyDoc]));
  };
  // Reported, never thrown: the next quiet moment checks again, and the replication must keep
  // running. A check cut short by a stop (the database closes next) has nothing to report.
  await clearEntriesServerHolds(db, collection, serverStates).catch((error: unknown) => {
    if (!replication.isStopped()) console.error(`could not check ${collection}'s outbox against the server's state`, error);
  });
}
