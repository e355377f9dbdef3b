import type { DependencyList } from 'react';
import { map, type Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { AnyDoc, CollectionName, DocOf } from '@shared/schemas/collections';
import { useObservable } from '../components/useObservable';
import { useSession } from '../session/SessionContext';
import type { AppDatabase } from './database';
import { toDomain } from './domain-view';
import { outboxId } from './outbox';

export { toDomain };

/** Live results of a query against the local database (updates on every local or synced change). */
export function useLiveQuery<T>(query: (db: AppDatabase) => Observable<T>, deps: DependencyList, initial: T): T {
  const { db } = useSession();
  return useObservable(() => query(db), [db, ...deps], initial);
}

/** One document, live; undefined while loading or when it does not exist (or left this device). */
export function useDocument<C extends CollectionName>(collection: C, id: string | undefined): DocOf<C> | undefined {
  return useLiveQuery(
    (db) => {
      const docs: RxCollection<AnyDoc> = db.collections[collection] as unknown as RxCollection<AnyDoc>;
      return docs.findOne(id ?? '__none__').$.pipe(map((doc) => (doc ? toDomain<DocOf<C>>(doc.toJSON()) : undefined)));
    },
    [collection, id],
    undefined,
  );
}

/** True while this document has a local change the server has not acknowledged. */
export function useIsPending(collection: CollectionName, id: string | undefined): boolean {
  return useLiveQuery((db) => db.outbox.findOne(outboxId(collection, id ?? '')).$.pipe(map(Boolean)), [collection, id], false);
}

export function usePendingCount(): number {
  return useLiveQuery((db) => db.outbox.count().$, [], 0);
}

