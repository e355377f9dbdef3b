import type { CollectionName } from '@shared/schemas/collections';
import type { Logger } from '../logger';
import { parseStoredDoc } from '../replication/visibility';
import type { RawStored } from '../store/store';

/** Stored documents parsed with their collection's schema, without deleted ones (an unreadable one is logged and left out). */
export function liveDocs<D extends { _deleted: boolean }>(collection: CollectionName, stored: Iterable<RawStored>, logger: Logger): D[] {
  return [...stored].flatMap((entry) => (parseStoredDoc(collection, entry.fields, logger) as D | undefined) ?? []).filter((doc) => !doc._deleted);
}
