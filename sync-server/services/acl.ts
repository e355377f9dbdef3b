import { ownScopeKeys } from '@shared/domain/scope';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { AccessMeta } from '../store/couch-docs';

/**
 * Who may read a document now, and who could read it before (so their devices are told to drop it).
 * Comments, attachments and activities inherit the readers of the document they belong to (`inheritFrom`);
 * `extraReaders` come from other documents (a ticket's work orders' engineers: services/ticket-readers.ts).
 */
export function computeAcl(
  collection: CollectionName,
  doc: AnyDoc,
  previous?: AccessMeta,
  inheritFrom?: AccessMeta,
  extraReaders: readonly string[] = [],
): AccessMeta {
  const readers = [...(inheritFrom ? inheritFrom.readers : ownScopeKeys(collection, doc)), ...extraReaders];
  const everSeen = new Set([...(previous?.formerReaders ?? []), ...(previous?.readers ?? [])]);
  const formerReaders = [...everSeen].filter((key) => !readers.includes(key)).sort();
  return { readers: [...new Set(readers)].sort(), formerReaders };
}

export function isSameAcl(a: AccessMeta, b: AccessMeta): boolean {
  return a.readers.join() === b.readers.join() && a.formerReaders.join() === b.formerReaders.join();
}
