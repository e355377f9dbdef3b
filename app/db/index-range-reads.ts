import type { DexieStorageInternals, PreparedQuery, RxDocumentData, RxJsonSchema, RxStorage, RxStorageQueryResult } from 'rxdb';
import { getPrimaryFieldOfPrimaryKey, getQueryMatcher, getSortComparator } from 'rxdb';
import { DEXIE_DOCS_TABLE_NAME, dexieReplaceIfStartsWithPipe, getKeyRangeByQueryPlan } from 'rxdb/plugins/storage-dexie';
import { fromDexieForm } from './dexie-stored-form';
import { adaptingInstances } from './storage-wrapper';

type DexieState = Awaited<DexieStorageInternals>;
type Query = (preparedQuery: PreparedQuery<unknown>) => Promise<RxStorageQueryResult<unknown>>;
type Schema = RxJsonSchema<RxDocumentData<unknown>>;
type StoredRow = Record<string, unknown>;
type Matcher = (doc: RxDocumentData<unknown>) => boolean;

/** Each further read of a limited range takes this many times the previous one, up to MAX_READ. */
const READ_GROWTH = 4;
const MAX_READ = 2_000;

/**
 * RxDB's Dexie storage, with queries read by `getAll` on the index range instead of a cursor.
 * A cursor costs one IndexedDB round trip per document: the Today list's index ranges spent most
 * of their time there (bench/findings.md). Results are exactly RxDB's: the same range, matcher,
 * sort and limit. A limited query reads as many entries as it wants, then, while too few matched,
 * further reads after the last entry, growing, all in one transaction.
 */
export function withIndexRangeReads<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  return adaptingInstances(storage, (instance) => {
    const cursorQuery: Query = instance.query.bind(instance) as Query;
    const internals = (instance as unknown as { internals: DexieStorageInternals }).internals;
    const schema = instance.schema as unknown as Schema;
    instance.query = ((preparedQuery: PreparedQuery<unknown>) => queryByRange(schema, internals, preparedQuery, cursorQuery)) as typeof instance.query;
  });
}

async function queryByRange(
  schema: Schema,
  internals: DexieStorageInternals,
  preparedQuery: PreparedQuery<unknown>,
  cursorQuery: Query,
): Promise<RxStorageQueryResult<unknown>> {
  const { query, queryPlan } = preparedQuery;
  const skip = query.skip ?? 0;
  const end = skip + (typeof query.limit === 'number' ? query.limit : Infinity);
  // Index order is the query's order only when the index satisfies the sort: then the first
  // `end` matches hold the answer and reading can stop there.
  const wanted = queryPlan.sortSatisfiedByIndex ? end : Infinity;
  const matcher = queryPlan.selectorSatisfiedByIndex ? undefined : getQueryMatcher(schema, query);
  const state = await internals;
  const matches = await readMatches(state, preparedQuery, getPrimaryFieldOfPrimaryKey(schema.primaryKey), { matcher, wanted });
  if (matches === 'unpageable') return cursorQuery(preparedQuery);
  if (!queryPlan.sortSatisfiedByIndex) matches.sort(getSortComparator(schema, query));
  return { documents: matches.slice(skip, end) };
}

/**
 * The matching documents of the query plan's index range, in index order, until `wanted` matched.
 * 'unpageable' (RxDB's cursor query answers instead) for an index whose keys do not end with the
 * primary key, as reading on after an entry needs unique keys (RxDB's own indexes always end with
 * it), and for a closed connection.
 */
function readMatches(
  state: DexieState,
  { queryPlan }: PreparedQuery<unknown>,
  primaryKey: string,
  { matcher, wanted }: { matcher: Matcher | undefined; wanted: number },
): Promise<RxDocumentData<unknown>[] | 'unpageable'> {
  const KeyRange = state.dexieDb._options.IDBKeyRange as typeof IDBKeyRange;
  const range = keyRangeOf(() => getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, KeyRange));
  if (!range) return Promise.resolve([]);
  const indexName = `[${queryPlan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;
  // The native transaction on Dexie's own connection: Dexie's transaction wrapper (its zones and
  // promise bookkeeping) costs more than the read itself for a page of documents.
  const connection = state.dexieDb.backendDB();
  // A closed connection (a query racing a sign-out): RxDB's own query raises Dexie's clear error.
  if (!connection) return Promise.resolve('unpageable');
  const index = connection.transaction(DEXIE_DOCS_TABLE_NAME, 'readonly').objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName);
  const keyPath = typeof index.keyPath === 'string' ? [index.keyPath] : index.keyPath;
  if (Number.isFinite(wanted) && keyPath.at(-1) !== primaryKey) return Promise.resolve('unpageable');
  const convert = fromDexieForm(state.booleanIndexes);
  return new Promise((resolve, reject) => {
    const found: RxDocumentData<unknown>[] = [];
    // Each read is issued from the previous one's success event, so all stay in one transaction
    // and see one state of the store.
    const readFrom = (from: IDBKeyRange, count: number | undefined) => {
      const request = index.getAll(from, count);
      request.onerror = () => reject(request.error ?? new Error(`IndexedDB read of ${indexName} failed`));
      request.onsuccess = () => {
        try {
          const rows = request.result as StoredRow[];
          const last = rows.at(-1);
          const lastKey = last && keyPath.map((path) => valueAt(last, path));
          for (const row of rows) {
            const doc = convert(row);
            if (!matcher || matcher(doc)) found.push(doc);
          }
          const next = count !== undefined && rows.length === count && found.length < wanted && lastKey ? keyRangeOf(() => after(KeyRange, from, lastKey)) : undefined;
          if (next) readFrom(next, Math.min(count! * READ_GROWTH, MAX_READ));
          else resolve(found);
        } catch (error) {
          reject(error as Error);
        }
      };
    };
    readFrom(range, Number.isFinite(wanted) ? Math.max(wanted, 1) : undefined);
  });
}

/** The rest of `range` after `key`. */
function after(KeyRange: typeof IDBKeyRange, range: IDBKeyRange, key: unknown[]): IDBKeyRange {
  return range.upper === undefined ? KeyRange.lowerBound(key, true) : KeyRange.bound(key, range.upper, true, range.upperOpen);
}

/** A key range, or undefined for an empty one (IndexedDB refuses a lower bound above its upper one; RxDB answers "nothing"). */
function keyRangeOf(make: () => IDBKeyRange): IDBKeyRange | undefined {
  try {
    return make();
  } catch (error) {
    if ((error as Error).name === 'DataError') return undefined;
    throw error;
  }
}

function valueAt(row: StoredRow, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], row);
}
