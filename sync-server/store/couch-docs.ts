import type { AnyDoc, CollectionName } from '@shared/schemas/collections';

/**
 * The CouchDB boundary: `_id/_rev/_deleted` and the server's access metadata stay here, so domain
 * code only ever sees `id` and `_deleted` (see RxDB's couchdb-helper for the same split).
 */
export type AccessMeta = { readers: string[]; formerReaders: string[] };

/**
 * Which device's push wrote this version, and from which version of the document (its
 * `updatedAt`; null for a document the push created). Server-private, like the access metadata:
 * it lets that device's next push from the same base continue its own write instead of meeting
 * it as a conflict (services/write-plan.ts). A write that changes what clients see drops it.
 */
export type PushOrigin = { device: string; userId: string; base: string | null };

export type CouchDoc = Record<string, unknown> & {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  acl?: AccessMeta;
  origin?: PushOrigin;
};

/** A document as the store holds it: the domain document, its revision and who may read it. */
export type Stored<D = AnyDoc> = { doc: D; rev: string; acl: AccessMeta };

export function toCouchDoc(doc: AnyDoc, acl: AccessMeta, rev?: string, origin?: PushOrigin): CouchDoc {
  const { id, _deleted, ...fields } = doc;
  return { ...fields, _id: id, ...(rev ? { _rev: rev } : {}), ...(_deleted ? { _deleted: true } : {}), acl, ...(origin ? { origin } : {}) };
}

/**
 * Returns the raw domain fields; callers parse them with the collection's schema before trusting
 * them (see parseStoredDoc in the replication layer).
 */
export function fromCouchDoc(couchDoc: CouchDoc): { fields: Record<string, unknown>; rev: string; acl: AccessMeta; origin?: PushOrigin } {
  const { _id, _rev, _deleted, acl, origin, ...fields } = couchDoc;
  return {
    fields: { ...fields, id: _id, _deleted: _deleted === true },
    rev: _rev ?? '',
    acl: acl ?? { readers: [], formerReaders: [] },
    ...(origin ? { origin } : {}),
  };
}

/** CouchDB database names must be lowercase. */
export function databaseName(prefix: string, collection: CollectionName | 'auth' | 'counters' | 'audits' | 'slaClaims' | 'settings'): string {
  return prefix + collection.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function isDesignDoc(id: string): boolean {
  return id.startsWith('_design/');
}
