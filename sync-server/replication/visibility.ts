import { isDeepStrictEqual } from 'node:util';
import { isInScope, type PrincipalScope } from '@shared/domain/scope';
import { COLLECTION_SCHEMAS, type AnyDoc, type CollectionName } from '@shared/schemas/collections';
import type { Logger } from '../logger';
import type { RawStored } from '../store/store';

export type Visibility = 'visible' | 'removed' | 'hidden';

/**
 * What a principal gets for a stored document: the document, a removal (it was in their scope
 * and has left it, so their device must drop it), or nothing at all.
 */
export function visibilityOf(scope: PrincipalScope, stored: Pick<RawStored, 'acl'>): Visibility {
  if (isInScope(scope, stored.acl.readers)) return 'visible';
  if (isInScope(scope, stored.acl.formerReaders)) return 'removed';
  return 'hidden';
}

/** The document as this principal should receive it, or undefined when they get nothing. */
export function documentFor(
  collection: CollectionName,
  scope: PrincipalScope,
  stored: RawStored,
  logger: Logger,
): AnyDoc | undefined {
  const visibility = visibilityOf(scope, stored);
  if (visibility === 'hidden') return undefined;
  const doc = parseStoredDoc(collection, stored.fields, logger);
  if (!doc) return undefined;
  return visibility === 'removed' ? { ...doc, _deleted: true } : doc;
}

/**
 * A document as a catch-up after a scope change serves it: the document when the new scope sees it
 * (the device may lack it); a removal when it does not but the former scope did (the device may
 * hold it) or it left the new scope; else nothing.
 */
export function catchUpDocumentFor(collection: CollectionName, scope: PrincipalScope, former: PrincipalScope, stored: RawStored, logger: Logger): AnyDoc | undefined {
  const now = visibilityOf(scope, stored);
  if (now !== 'hidden') return documentFor(collection, scope, stored, logger);
  if (visibilityOf(former, stored) === 'hidden') return undefined;
  const doc = parseStoredDoc(collection, stored.fields, logger);
  return doc ? { ...doc, _deleted: true } : undefined;
}

/**
 * Parsed documents by the stored fields they came from: the store's changes cache hands out the
 * same (never mutated) fields object for every pull of a document, so it is parsed once.
 */
const parsedByFields = new WeakMap<Record<string, unknown>, AnyDoc>();

/**
 * Everything read back from the store goes through its schema before it is served or reused.
 * When the schema's output is the stored document unchanged (nothing stripped, defaulted or
 * converted), the stored fields object is kept and the schema's copy dropped: the server holds
 * every cached version for its lifetime, and the copy costs ~11.5 MB of heap per 10,000 work
 * orders on top of the stored ones' ~24 MB (and every full garbage collection marks it).
 */
export function parseStoredDoc(collection: CollectionName, fields: Record<string, unknown>, logger: Logger): AnyDoc | undefined {
  const known = parsedByFields.get(fields);
  if (known) return known;
  const parsed = COLLECTION_SCHEMAS[collection].safeParse(fields);
  if (parsed.success) {
    const doc = isDeepStrictEqual(parsed.data, fields) ? (fields as AnyDoc) : parsed.data;
    parsedByFields.set(fields, doc);
    return doc;
  }
  // A stored document that no longer parses is data damage or a missed migration: loud, never served.
  logger.error({ collection, id: fields.id, issues: parsed.error.issues.slice(0, 3) }, 'stored document fails its schema');
  return undefined;
}
