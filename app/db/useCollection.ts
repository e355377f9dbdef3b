import { map } from 'rxjs';
import type { MangoQuerySelector, RxCollection } from 'rxdb';
import type { AnyDoc, CollectionName, DocOf } from '@shared/schemas/collections';
import { toDomain, useLiveQuery } from './hooks';

/**
 * Every document of a collection matching `selector`, live (undefined while the first result loads).
 * The desk screens work on whole local collections: filters and sorting run in memory.
 */
export function useCollection<C extends CollectionName>(collection: C, selector: MangoQuerySelector<DocOf<C>> = {}): DocOf<C>[] | undefined {
  const key = JSON.stringify(selector);
  return useLiveQuery(
    (db) => {
      const docs: RxCollection<AnyDoc> = db.collections[collection] as unknown as RxCollection<AnyDoc>;
      return docs.find({ selector: JSON.parse(key) as MangoQuerySelector<AnyDoc> }).$.pipe(map((found) => found.map((doc) => toDomain<DocOf<C>>(doc.toJSON()))));
    },
    [collection, key],
    undefined,
  );
}
