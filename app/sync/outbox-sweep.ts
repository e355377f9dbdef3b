import { getAssumedMasterState } from 'rxdb';
import { debounceTime, exhaustMap, filter, takeUntil } from 'rxjs';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { AppDatabase } from '../db/database';
import { clearEntriesServerHolds } from '../db/writes';
import type { CollectionReplication } from './replication';

/** Quiet time before the check: a reconnect's pushes and pulls come in bursts with short gaps. */
const IDLE_MS = 300;

/**
 * Whenever a collection's replication has gone quiet, its outbox entries are checked against what
 * RxDB assumes the server holds, and those with nothing left to push are cleared
 * (app/db/writes.ts, clearEntriesServerHolds): a document must never show "not yet on the server"
 * for good because one settling step was missed. One check at a time; it stops with the replication.
 */
export function sweepOutboxWhenIdle(db: AppDatabase, collection: CollectionName, replication: CollectionReplication): void {
  replication.active$
    .pipe(
      // Quiet for IDLE_MS: a pull or push starting meanwhile restarts the wait.
      debounceTime(IDLE_MS),
      filter((active) => !active),
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
