import type { DexieStorageInternals, PreparedQuery, RxDocumentData, RxJsonSchema, RxStorage, RxStorageQueryResult } from 'rxdb';
import { getQueryMatcher, getSortComparator } from 'rxdb';
import { DEXIE_DOCS_TABLE_NAME, dexieReplaceIfStartsWithPipe, fromDexieToStorage, getKeyRangeByQueryPlan } from 'rxdb/plugins/storage-dexie';

type DexieState = Awaited<DexieStorageInternals>;
type Query = (preparedQuery: PreparedQuery<unknown>) => Promise<RxStorageQueryResult<unknown>>;
type Schema = RxJsonSchema<RxDocumentData<unknown>>;

/** A first read of a limited range takes this many index entries at least (twice the limit if more). */
const MIN_FIRST_READ = 50;

/**
 * RxDB's Dexie storage, with queries read by `getAll` on the index range instead of a cursor.
 * A cursor costs one IndexedDB round trip per document: the Today list's index ranges spent most
 * of their time there (bench/findings.md). Results are exactly RxDB's: the same range, matcher,
 * sort and limit; a limited query whose first read does not hold enough matches goes to RxDB's own
 * cursor query for the answer.
 */
export function withIndexRangeReads<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  return {
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      const cursorQuery: Query = instance.query.bind(instance) as Query;
      const internals = (instance as unknown as { internals: DexieStorageInternals }).internals;
      const schema = instance.schema as unknown as Schema;
      instance.query = ((preparedQuery: PreparedQuery<unknown>) => queryByRange(schema, internals, preparedQuery, cursorQuery)) as typeof instance.query;
      return instance;
    },
  };
}

async function queryByRange(
  schema: Schema,
  internals: DexieStorageInternals,
  preparedQuery: PreparedQuery<unknown>,
  cursorQuery: Query,
): Promise<RxStorageQueryResult<unknown>> {
  const { query, queryPlan } = preparedQuery;
  const skip = query.skip ?? 0;
  const wanted = skip + (typeof query.limit === 'number' ? query.limit : Infinity);
  const limited = queryPlan.sortSatisfiedByIndex && Number.isFinite(wanted);
  const count = limited ? Math.max(2 * wanted, MIN_FIRST_READ) : undefined;
  const state = await internals;
  const read = await readRange(state, preparedQuery, count);
  if (read === 'empty') return { documents: [] };
  const matches = queryPlan.selectorSatisfiedByIndex ? read : read.filter(getQueryMatcher(schema, query));
  // Index order is the query's order: the first `wanted` matches are the answer, unless the
  // read stopped at `count` before finding them.
  if (limited && matches.length < wanted && read.length === count) return cursorQuery(preparedQuery);
  if (!queryPlan.sortSatisfiedByIndex) matches.sort(getSortComparator(schema, query));
  return { documents: matches.slice(skip, wanted) };
}

/** The query plan's index range, in index order, at most `count` entries; 'empty' when the range itself is (IndexedDB refuses it). */
async function readRange(state: DexieState, { queryPlan }: PreparedQuery<unknown>, count: number | undefined): Promise<RxDocumentData<unknown>[] | 'empty'> {
  let range: IDBKeyRange;
  try {
    range = getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, state.dexieDb._options.IDBKeyRange);
  } catch (error) {
    // RxDB's own query answers "nothing" for a range whose lower bound is above its upper one.
    if ((error as Error).name === 'DataError') return 'empty';
    throw error;
  }
  const indexName = `[${queryPlan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;
  const raw = await state.dexieDb.transaction('r', state.dexieTable, (transaction: { idbtrans: IDBTransaction }) => {
    const request = transaction.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName).getAll(range, count);
    return new Promise<unknown[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  });
  return raw.map((value: unknown) => fromDexieToStorage(state.booleanIndexes, value) as RxDocumentData<unknown>);
}
