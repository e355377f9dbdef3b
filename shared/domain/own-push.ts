import type { CollectionName } from '../schemas/collections';
import { changedFields, isDeepEqual, serverOwnedFields } from './doc-rules';

type Record_ = Record<string, unknown>;

/**
 * Whether `next` carries every change `earlier` made to `base` — as a version built on `earlier`
 * does, whatever was edited since — rather than having fallen back behind it. The server asks
 * this before taking a device's push from `base` on top of that device's own earlier push
 * (sync-server/services/write-plan.ts): a copy that fell back (a late pull landing over a newer
 * local edit) would otherwise undo the earlier push without a conflict. In doubt, the answer is no,
 * and the push meets the usual conflict and merge.
 *
 * Per field the earlier push changed: the same value, or for a list, every item it added or
 * changed present and not back at its base version, none it removed brought back; for any other
 * value, anything but the base's value.
 */
export function carriesEarlierPush(collection: CollectionName, base: Record_ | null | undefined, earlier: Record_, next: Record_): boolean {
  const owned = new Set(serverOwnedFields(collection));
  const from = base ?? {};
  return changedFields(from, earlier)
    .filter((field) => !owned.has(field))
    .every((field) => carriesField(from[field], earlier[field], next[field]));
}

function carriesField(base: unknown, earlier: unknown, next: unknown): boolean {
  if (isDeepEqual(next, earlier)) return true;
  if (Array.isArray(earlier) && Array.isArray(next)) return carriesItems(Array.isArray(base) ? base : [], earlier, next);
  return !isDeepEqual(next, base);
}

function carriesItems(base: readonly unknown[], earlier: readonly unknown[], next: readonly unknown[]): boolean {
  const inBase = byIdentity(base);
  const inNext = byIdentity(next);
  const inEarlier = byIdentity(earlier);
  for (const [key, item] of inEarlier) {
    const before = inBase.get(key);
    if (before !== undefined && isDeepEqual(item, before)) continue;
    const now = inNext.get(key);
    if (now === undefined || (before !== undefined && isDeepEqual(now, before))) return false;
  }
  return [...inBase.keys()].every((key) => inEarlier.has(key) || !inNext.has(key));
}

/** List items by their `id`, or by value for plain values (photo ids). */
function byIdentity(items: readonly unknown[]): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const item of items) {
    const id = typeof item === 'object' && item !== null && typeof (item as Record_).id === 'string' ? `id:${String((item as Record_).id)}` : `value:${JSON.stringify(item)}`;
    found.set(id, item);
  }
  return found;
}
