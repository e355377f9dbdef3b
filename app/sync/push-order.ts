import { filter, firstValueFrom, race, timer, type Observable } from 'rxjs';
import { referencesOf, type Reference } from '@shared/domain/references';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { AppDatabase } from '../db/database';
import { outboxId } from '../db/outbox';

/** The longest a push waits for what it points at; past it the server decides (a stuck parent must not hold its children for good). */
export const MAX_PARENT_WAIT_MS = 30_000;

type WaitOptions = { stopped$: Observable<unknown>; maxWaitMs?: number };

/** Parents already waited for in vain, per database: a retried push does not wait for them again. */
const waitedInVain = new WeakMap<AppDatabase, Set<string>>();

/**
 * Resolves once nothing these documents point at is a document made on this device that has not
 * reached the server yet, or after `maxWaitMs`, or when `stopped$` emits.
 *
 * Each collection replicates on its own, so a fault report's photo can reach its push before the
 * ticket it belongs to. The server refuses a document whose references it does not hold (400), and
 * RxDB then retries only after its backoff, which grows while the device is offline: the photo
 * reached the server half a minute after its ticket. Waiting here keeps new parents first; a parent
 * the server already has (an edit of it is pending) holds nothing up. References run one way
 * (site → asset → ticket → work order → photo; ticket → comment, photo), so two pushes never wait
 * for each other.
 */
export async function awaitReferencedPushes(db: AppDatabase, collection: CollectionName, docs: readonly AnyDoc[], options: WaitOptions): Promise<void> {
  const parents = await newParentsOf(db, collection, docs);
  if (parents.length === 0) return;
  const settled$ = db.outbox.findByIds(parents).$.pipe(filter((pending) => pending.size === 0));
  const gaveUp$ = timer(options.maxWaitMs ?? MAX_PARENT_WAIT_MS);
  const outcome = await firstValueFrom(race(settled$, gaveUp$, options.stopped$), { defaultValue: undefined });
  if (outcome === 0) rememberInVain(db, parents);
}

/** The outbox ids of the referenced documents made on this device and never seen by the server. */
async function newParentsOf(db: AppDatabase, collection: CollectionName, docs: readonly AnyDoc[]): Promise<string[]> {
  const inVain = waitedInVain.get(db);
  const references = new Map<string, Reference>();
  for (const doc of docs) {
    if (doc._deleted) continue;
    for (const reference of referencesOf(collection, doc)) {
      const id = outboxId(reference.target, reference.id);
      if (reference.target !== collection && !inVain?.has(id)) references.set(id, reference);
    }
  }
  if (references.size === 0) return [];
  // Usually no collection pointed at has anything pending (a drain of work-order edits points at
  // thousands of sites, assets and tickets): one indexed count each instead of a lookup per id.
  const targets = new Set([...references.values()].map((reference) => reference.target));
  const quiet = new Set<CollectionName>();
  for (const target of targets) if ((await db.outbox.count({ selector: { collectionName: target } }).exec()) === 0) quiet.add(target);
  const candidates = [...references].filter(([, reference]) => !quiet.has(reference.target)).map(([id]) => id);
  if (candidates.length === 0) return [];
  // An entry with a base is an edit of a server version; the server has that document.
  const pending = [...(await db.outbox.findByIds(candidates).exec()).values()].filter((entry) => !entry.base);
  const idsByTarget = new Map<CollectionName, string[]>();
  for (const entry of pending) {
    const { target, id } = references.get(entry.id) as Reference;
    idsByTarget.set(target, [...(idsByTarget.get(target) ?? []), id]);
  }
  const fresh = await Promise.all(
    [...idsByTarget].map(async ([target, ids]) => {
      const stored = await db.collections[target].storageInstance.findDocumentsById(ids, true);
      // RxDB marks every version it stored from the server (`_meta.o`): such a document is not new.
      return stored.filter((doc) => !(doc._meta as { o?: unknown }).o).map((doc) => outboxId(target, (doc as AnyDoc).id));
    }),
  );
  return fresh.flat();
}

function rememberInVain(db: AppDatabase, parents: readonly string[]): void {
  let inVain = waitedInVain.get(db);
  if (!inVain) waitedInVain.set(db, (inVain = new Set()));
  for (const parent of parents) inVain.add(parent);
}
