import type { AnyDoc, CollectionName } from '../schemas/collections';

/** Fields only the server sets. Whatever a client sends for them is replaced by the server's value. */
const SERVER_OWNED_COMMON = ['createdAt', 'updatedAt'] as const;
const SERVER_OWNED_EXTRA: Partial<Record<CollectionName, readonly string[]>> = {
  tickets: ['number', 'sla', 'statusChangedAt'],
  workOrders: ['number'],
  notifications: ['due'],
};

export function serverOwnedFields(collection: CollectionName): readonly string[] {
  return [...SERVER_OWNED_COMMON, ...(SERVER_OWNED_EXTRA[collection] ?? [])];
}

/** Collections no client may write at all: the server is their only author. */
export const SERVER_WRITTEN_COLLECTIONS: readonly CollectionName[] = ['activities'];

type DocLike = AnyDoc | Record<string, unknown>;

/** Top-level fields whose values differ between two versions of a document (deep comparison). */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys].filter((key) => !isDeepEqual(before?.[key], after[key])).sort();
}

/** Same client-visible content, ignoring server-owned fields (used to recognise a replayed push). */
export function isSameClientContent(collection: CollectionName, a: DocLike, b: DocLike): boolean {
  const owned = serverOwnedSet(collection);
  const first = a as Record<string, unknown>;
  const second = b as Record<string, unknown>;
  // A document without `_deleted` is a live one.
  if ((first._deleted ?? false) !== (second._deleted ?? false)) return false;
  // Field by field, without copies: a push compares every row twice (sync-server/services/write-plan.ts).
  const compared = (record: Record<string, unknown>) => Object.keys(record).filter((key) => key !== '_deleted' && !owned.has(key) && record[key] !== undefined);
  const keys = compared(first);
  return keys.length === compared(second).length && keys.every((key) => isDeepEqual(first[key], second[key]));
}

const serverOwnedSets = new Map<CollectionName, ReadonlySet<string>>();
function serverOwnedSet(collection: CollectionName): ReadonlySet<string> {
  let owned = serverOwnedSets.get(collection);
  if (!owned) serverOwnedSets.set(collection, (owned = new Set(serverOwnedFields(collection))));
  return owned;
}

export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isDeepEqual(item, b[index]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord).filter((key) => aRecord[key] !== undefined);
  const bKeys = Object.keys(bRecord).filter((key) => bRecord[key] !== undefined);
  return aKeys.length === bKeys.length && aKeys.every((key) => isDeepEqual(aRecord[key], bRecord[key]));
}
