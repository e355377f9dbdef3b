import type { RxCollectionCreator, RxJsonSchema } from 'rxdb';

/**
 * Local-only record of writes made on this device that the server has not acknowledged yet.
 * It drives the "not yet on the server" marker on documents and the pending count, in every tab
 * (only the leader tab replicates, so replication state alone cannot tell the others).
 * `stamp` is the local updatedAt of the write: a newer local edit keeps the entry alive.
 */
// `collection` would shadow RxDocument's own `collection` getter, hence `collectionName`.
// `base`: the server's state the edit started from, kept only when RxDB holds no replication meta
// for the document yet (a document from the initial load, app/sync/initial-load.ts); the push
// then sends it as the assumed master state, and a conflict merges against it.
export type OutboxEntry = { id: string; collectionName: string; docId: string; stamp: string; base?: Record<string, unknown> };

const outboxSchema: RxJsonSchema<OutboxEntry> = {
  title: 'outbox',
  // v1: `base` (optional; entries stored by v0 have none and need none).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    collectionName: { type: 'string', maxLength: 40 },
    docId: { type: 'string', maxLength: 100 },
    stamp: { type: 'string', maxLength: 40 },
    base: { type: 'object' },
  },
  required: ['id', 'collectionName', 'docId', 'stamp'],
  indexes: ['collectionName'],
};

export const outboxCollectionCreator: RxCollectionCreator = { schema: outboxSchema, migrationStrategies: { 1: (entry: OutboxEntry) => entry } };

export const outboxId = (collection: string, docId: string) => `${collection}/${docId}`;

/** The outbox entry of a local write, with the base it started from when there is one. */
export const pendingEntry = (collection: string, docId: string, stamp: string, base?: Record<string, unknown>): OutboxEntry => ({
  id: outboxId(collection, docId),
  collectionName: collection,
  docId,
  stamp,
  ...(base ? { base } : {}),
});
