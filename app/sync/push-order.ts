import { filter, firstValueFrom, race, timer, type Observable } from 'rxjs';
import { referencesOf } from '@shared/domain/references';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { AppDatabase } from '../db/database';
import { outboxId } from '../db/outbox';

/** The longest a push waits for what it points at; past it the server decides (a stuck parent must not hold its children for good). */
export const MAX_PARENT_WAIT_MS = 30_000;

type WaitOptions = { stopped$: Observable<unknown>; maxWaitMs?: number };

/**
 * Resolves once nothing these documents point at waits in the outbox (not yet on the server), or
 * after `maxWaitMs`, or when `stopped$` emits.
 *
 * Each collection replicates on its own, so a fault report's photo can reach its push before the
 * ticket it belongs to. The server refuses a document whose references it does not hold (400), and
 * RxDB then retries only after its backoff, which grows while the device is offline: the photo
 * reached the server half a minute after its ticket. Waiting here keeps parents first. References
 * run one way (site → asset → ticket → work order → photo, ticket → comment), so two pushes never
 * wait for each other.
 */
export async function awaitReferencedPushes(db: AppDatabase, collection: CollectionName, docs: readonly AnyDoc[], options: WaitOptions): Promise<void> {
  const parents = new Set(
    docs
      .filter((doc) => !doc._deleted)
      .flatMap((doc) => referencesOf(collection, doc))
      .filter(({ target }) => target !== collection)
      .map(({ target, id }) => outboxId(target, id)),
  );
  if (parents.size === 0) return;
  const query = db.outbox.findByIds([...parents]);
  if ((await query.exec()).size === 0) return;
  const settled$ = query.$.pipe(filter((pending) => pending.size === 0));
  await firstValueFrom(race(settled$, timer(options.maxWaitMs ?? MAX_PARENT_WAIT_MS), options.stopped$), { defaultValue: undefined });
}
