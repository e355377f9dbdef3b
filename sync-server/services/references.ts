import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { Logger } from '../logger';
import { parseStoredDoc } from '../replication/visibility';
import type { RawStored, Store } from '../store/store';
import { ownerOf } from './ownership';

/**
 * Fields that point at other documents, and the collection each must exist in. A child's owner
 * (a comment's ticket, an attachment's work order or ticket) is a reference too; it comes from
 * ownership.ts because an attachment's target collection depends on the document.
 */
export const REFERENCES: Partial<Record<CollectionName, Record<string, CollectionName>>> = {
  assets: { siteId: 'sites' },
  tickets: { siteId: 'sites', assetId: 'assets', assigneeId: 'users', slaPolicyId: 'slaPolicies' },
  workOrders: { siteId: 'sites', assetId: 'assets', ticketId: 'tickets', assigneeId: 'users' },
};

type Reference = { field: string; target: CollectionName; id: string };

/** Every reference a document makes, static fields and owner alike (works on unvalidated rows). */
export function referencesOf(collection: CollectionName, doc: Record<string, unknown>): Reference[] {
  const references = Object.entries(REFERENCES[collection] ?? {}).flatMap(([field, target]) => {
    const id = doc[field];
    return typeof id === 'string' ? [{ field, target, id }] : [];
  });
  const owner = ownerOf(collection, doc);
  if (owner) references.push({ field: owner.field, target: owner.collection, id: owner.id });
  return references;
}

/** Referenced documents loaded once per push, in one request per target collection. */
export class ReferenceSet {
  constructor(private readonly found: Map<CollectionName, Map<string, RawStored>>) {}

  stored(collection: CollectionName, id: string): RawStored | undefined {
    const stored = this.found.get(collection)?.get(id);
    return stored && stored.fields._deleted !== true ? stored : undefined;
  }

  /** The first reference in `doc` that names no live document, as the field's name. */
  missingField(collection: CollectionName, doc: AnyDoc): string | undefined {
    return referencesOf(collection, doc).find(({ target, id }) => !this.stored(target, id))?.field;
  }

  parsed<D extends AnyDoc>(collection: CollectionName, id: string, logger: Logger): D | undefined {
    const stored = this.stored(collection, id);
    return stored ? (parseStoredDoc(collection, stored.fields, logger) as D | undefined) : undefined;
  }
}

export async function loadReferences(store: Store, collection: CollectionName, docs: Record<string, unknown>[]): Promise<ReferenceSet> {
  const wanted = new Map<CollectionName, Set<string>>();
  for (const { target, id } of docs.flatMap((doc) => referencesOf(collection, doc))) {
    wanted.set(target, (wanted.get(target) ?? new Set<string>()).add(id));
  }
  const found = new Map<CollectionName, Map<string, RawStored>>();
  for (const [target, ids] of wanted) found.set(target, await store.getMany(target, [...ids]));
  return new ReferenceSet(found);
}
