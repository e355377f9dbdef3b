import type { RxDocumentData } from 'rxdb';
import { DEXIE_PIPE_SUBSTITUTE, fromDexieToStorage, fromStorageToDexie } from 'rxdb/plugins/storage-dexie';

type Row = Record<string, unknown>;

/**
 * The two directions of RxDB's Dexie storage form, fast for our documents. RxDB's own conversions
 * rebuild every nested object to substitute keys that start with a pipe (IndexedDB key paths
 * cannot hold one), which our documents seldom have: each is checked first and, when it has none,
 * only its boolean index fields are turned ('1'/'0' stored, as IndexedDB cannot index booleans).
 * A document with such a key, or nested boolean index fields, takes RxDB's own way.
 */
export function toDexieForm(booleanIndexes: string[]): (doc: RxDocumentData<unknown>) => Row {
  const topLevelOnly = booleanIndexes.every((field) => !field.includes('.'));
  return (doc) => {
    if (!topLevelOnly || hasKeyStartingWith(doc, '|')) return fromStorageToDexie(booleanIndexes, doc) as Row;
    const stored: Row = { ...doc };
    for (const field of booleanIndexes) stored[field] = stored[field] ? '1' : '0';
    return stored;
  };
}

/** The way back; in place, as the value is a fresh copy IndexedDB made for this read. */
export function fromDexieForm(booleanIndexes: string[]): (row: Row) => RxDocumentData<unknown> {
  const topLevelOnly = booleanIndexes.every((field) => !field.includes('.'));
  return (row) => {
    if (!topLevelOnly || hasKeyStartingWith(row, DEXIE_PIPE_SUBSTITUTE)) return fromDexieToStorage(booleanIndexes, row) as RxDocumentData<unknown>;
    for (const field of booleanIndexes) row[field] = row[field] === '1';
    return row as RxDocumentData<unknown>;
  };
}

function hasKeyStartingWith(value: unknown, prefix: string): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => hasKeyStartingWith(item, prefix));
  for (const key in value) {
    if (key.startsWith(prefix) || hasKeyStartingWith((value as Row)[key], prefix)) return true;
  }
  return false;
}
