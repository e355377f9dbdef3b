import { map } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { AnyDoc, CollectionName, DocOf } from '@shared/schemas/collections';
import { toDomain, useLiveQuery } from './hooks';

const NONE = new Map<string, never>();

/** Several documents of one collection by id, live, as a Map (lookups of sites, users, tickets). */
export function useDocumentsByIds<C extends CollectionName>(collection: C, ids: readonly (string | undefined)[]): ReadonlyMap<string, DocOf<C>> {
  const key = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort().join('\n');
  return useLiveQuery(
    (db) => {
      const docs: RxCollection<AnyDoc> = db.collections[collection] as unknown as RxCollection<AnyDoc>;
      return docs
        .findByIds(key ? key.split('\n') : [])
        .$.pipe(map((found) => new Map([...found].map(([id, doc]) => [id, toDomain<DocOf<C>>(doc.toJSON())]))));
    },
    [collection, key],
    NONE,
  );
}
