import type { CollectionName } from '../schemas/collections';

/**
 * Which documents a document points at. The server refuses a push whose references name no stored
 * document; the app pushes a document only after what it points at (app/sync/push-order.ts).
 *
 * Child documents have no readers of their own (shared/domain/scope.ts): a comment is readable by
 * whoever can read its ticket, a photo or signature by whoever can read its work order or ticket.
 * One table, read both ways: from a child to its owner (a push inherits the owner's readers) and
 * from an owner to its children (when the owner's readers change, its children follow).
 */
type OwnerLink = {
  child: CollectionName;
  owner: CollectionName;
  /** The child's field holding the owner's id. */
  idField: string;
  /** For children that may belong to several collections: the field naming which one. */
  ownerCollectionField?: string;
};

const OWNER_LINKS: readonly OwnerLink[] = [
  { child: 'comments', owner: 'tickets', idField: 'ticketId' },
  { child: 'attachments', owner: 'workOrders', idField: 'ownerId', ownerCollectionField: 'ownerCollection' },
  { child: 'attachments', owner: 'tickets', idField: 'ownerId', ownerCollectionField: 'ownerCollection' },
];

/** Where a child points: the owner's collection and id, and the child's field that names it. */
export type OwnerRef = { collection: CollectionName; id: string; field: string };

/**
 * The owner a child document names, or undefined when `collection` holds no children or the
 * document does not say (the child schemas require the owner fields, so only unparsed input can).
 * Works on raw pushed rows too, so references can be loaded before the rows are validated.
 */
export function ownerOf(collection: CollectionName, doc: Record<string, unknown>): OwnerRef | undefined {
  const link = OWNER_LINKS.find(
    (candidate) =>
      candidate.child === collection &&
      (!candidate.ownerCollectionField || doc[candidate.ownerCollectionField] === candidate.owner),
  );
  const id = link ? doc[link.idField] : undefined;
  return link && typeof id === 'string' ? { collection: link.owner, id, field: link.idField } : undefined;
}

/** The child collections of an owner and the Mango selector that finds its children in each. */
export function childQueries(owner: CollectionName, ownerId: string): { collection: CollectionName; selector: Record<string, string> }[] {
  return OWNER_LINKS.filter((link) => link.owner === owner).map((link) => ({
    collection: link.child,
    selector: { [link.idField]: ownerId, ...(link.ownerCollectionField ? { [link.ownerCollectionField]: owner } : {}) },
  }));
}

/**
 * Fields that point at other documents, and the collection each must exist in. A child's owner
 * (a comment's ticket, an attachment's work order or ticket) is a reference too; it comes from
 * the owner links because an attachment's target collection depends on the document.
 */
export const REFERENCES: Partial<Record<CollectionName, Record<string, CollectionName>>> = {
  assets: { siteId: 'sites' },
  tickets: { siteId: 'sites', assetId: 'assets', assigneeId: 'users', slaPolicyId: 'slaPolicies' },
  workOrders: { siteId: 'sites', assetId: 'assets', ticketId: 'tickets', assigneeId: 'users' },
};

export type Reference = { field: string; target: CollectionName; id: string };

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
