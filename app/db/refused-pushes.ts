import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { Refusal } from './conflicts';
import type { AppDatabase } from './database';

/**
 * Changes the server refused, by collection, document and the local version's stamp, until the
 * conflict handler settles them (app/db/conflict-handler.ts): the stamp keeps a later edit of the
 * same document from being taken for the refused one.
 */
const refusedByDatabase = new WeakMap<AppDatabase, Map<string, Refusal>>();
const REFUSALS_KEPT = 1_000;
const keyOf = (collection: CollectionName, doc: AnyDoc) => `${collection}/${doc.id}@${doc.updatedAt}`;

export function refusalOf(db: AppDatabase, collection: CollectionName, mine: AnyDoc): Refusal | undefined {
  return refusedByDatabase.get(db)?.get(keyOf(collection, mine));
}

export function markRefused(db: AppDatabase, collection: CollectionName, mine: AnyDoc, refusal: Refusal): void {
  let refused = refusedByDatabase.get(db);
  if (!refused) refusedByDatabase.set(db, (refused = new Map()));
  refused.set(keyOf(collection, mine), refusal);
  if (refused.size > REFUSALS_KEPT) refused.delete(refused.keys().next().value as string);
}
