import { addRxPlugin, defaultConflictHandler, type RxCollectionCreator, type RxConflictHandler } from 'rxdb';
import { COLLECTION_NAMES, type AnyDoc, type CollectionName } from '@shared/schemas/collections';
import { isEqualIgnoringDerived, RxDBDerivedFieldsPlugin, setDerivedFields } from './derived-fields';
import { rxSchemaFor, type CollectionSchemaOptions } from './rx-schema';

/**
 * Every replicated collection with its schema version and indexes. Bump a version together with
 * a migration strategy in MIGRATIONS, so an app update never loses local data or pending writes.
 * RxDB's open-source build allows 13 collections in all: 11 replicated + the local outbox (+1 for
 * conflict records) fit.
 */
// Any database with these collections needs their derived fields set on every write.
addRxPlugin(RxDBDerivedFieldsPlugin);

const SCHEMA_OPTIONS: Record<CollectionName, CollectionSchemaOptions> = {
  users: { version: 0 },
  sites: { version: 0 },
  assets: { version: 0, indexes: ['tag', 'siteId'] },
  tickets: { version: 1, indexes: ['siteId', 'status'] },
  // v1: the Today list reads index ranges (today by scheduledStart, open ones by status) instead of
  // every work order of the assignee; nothing queried by assigneeId alone any more.
  // v2: the ranges are on the start in UTC (a derived field), so they are exact and in time order.
  // v3: one index for all of them, on the open-or-done state and the start in UTC (derived).
  // v4: the state tells jobs under way from waiting ones, so they head the day whatever their date.
  // v5: a completed job is keyed on its completion, so it stays in the day it was done.
  workOrders: { version: 5, indexes: ['scheduleKey'] },
  comments: { version: 0, indexes: ['ticketId'] },
  activities: { version: 0, indexes: ['subjectId'] },
  // v1: SLA notices carry their due time (`due`, optional): stored ones stay valid as they are.
  notifications: { version: 1 },
  slaPolicies: { version: 0 },
  categories: { version: 0 },
  attachments: { version: 0, indexes: ['ownerId'] },
};

/** version → migration of a document from the previous version. */
const MIGRATIONS: Partial<Record<CollectionName, Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>>> = {
  // v1: the SLA engine added optional fields (statusChangedAt, sla.crossed, sla.nextThresholdAt);
  // stored tickets stay valid as they are and get the new fields from the server on the next pull.
  tickets: { 1: (doc) => doc },
  notifications: { 1: (doc) => doc },
  // v1: only the indexes changed; RxDB rebuilds them as it copies the documents over.
  workOrders: {
    1: (doc) => doc,
    2: (doc) => setDerivedFields('workOrders', { ...doc }),
    // v2's derived field is gone (its index too): v3's is set instead.
    3: ({ scheduledStartUtc, ...doc }) => (void scheduledStartUtc, setDerivedFields('workOrders', doc)),
    4: (doc) => setDerivedFields('workOrders', { ...doc }),
    5: (doc) => setDerivedFields('workOrders', { ...doc }),
  },
};

export function replicatedCollectionCreators(conflictHandlerFor?: (collection: CollectionName) => RxConflictHandler<AnyDoc>): Record<string, RxCollectionCreator> {
  const creators: Record<string, RxCollectionCreator> = {};
  for (const name of COLLECTION_NAMES) {
    const conflictHandler = conflictHandlerFor?.(name);
    // RxDB's own handler (keep the server's version) unless given one, comparing without derived fields either way.
    creators[name] = { schema: rxSchemaFor(name, SCHEMA_OPTIONS[name]), migrationStrategies: MIGRATIONS[name] ?? {}, conflictHandler: conflictHandler ?? { ...defaultConflictHandler, isEqual: isEqualIgnoringDerived } };
  }
  return creators;
}
