import { isDeepEqual } from '../doc-rules';
import type { FieldConflict } from './merge-types';

/**
 * A stable text form of a value (object keys sorted), used to break ties the same way on every
 * device: whichever side's value sorts last wins, so swapping "mine" and "theirs" changes nothing.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The tie-break: the value whose canonical form sorts last. */
export function isMineLater(mine: unknown, theirs: unknown): boolean {
  return canonicalJson(mine) > canonicalJson(theirs);
}

/**
 * Three-way rule shared by every kind of field: a side that did not change it yields to the side
 * that did; both changing it to the same value is no conflict. `undefined` means "both changed it
 * differently": the caller decides.
 */
export function oneSideOnly<T>(base: T | undefined, mine: T, theirs: T): { value: T } | undefined {
  if (isDeepEqual(mine, theirs)) return { value: mine };
  if (isDeepEqual(mine, base)) return { value: theirs };
  if (isDeepEqual(theirs, base)) return { value: mine };
  return undefined;
}

type Keyed = { key: string; item: unknown };

export function keyOf(item: unknown): string {
  if (item && typeof item === 'object' && 'id' in item) return String((item as { id: unknown }).id);
  return canonicalJson(item);
}

function keyed(list: unknown): Keyed[] {
  return Array.isArray(list) ? list.map((item) => ({ key: keyOf(item), item })) : [];
}

/**
 * Keys in a deterministic, symmetric order: the base's order first, then keys new on either side
 * sorted (ids are ULIDs, so that is creation order).
 */
export function mergedKeyOrder(base: unknown, mine: unknown, theirs: unknown): string[] {
  const baseKeys = keyed(base).map(({ key }) => key);
  const known = new Set(baseKeys);
  const added = new Set<string>();
  for (const { key } of [...keyed(mine), ...keyed(theirs)]) if (!known.has(key)) added.add(key);
  return [...baseKeys, ...[...added].sort()];
}

export function indexByKey(list: unknown): Map<string, unknown> {
  return new Map(keyed(list).map(({ key, item }) => [key, item]));
}

/**
 * Append-only list: every item either side (or the base) has is kept, unioned by id. An item
 * edited on both sides (a time log stopped at different times) is decided like a scalar by
 * `decide`, which also records the conflict.
 */
export function unionById(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  decide: (key: string, baseItem: unknown, mineItem: unknown, theirsItem: unknown) => unknown,
): unknown[] {
  const [b, m, t] = [indexByKey(base), indexByKey(mine), indexByKey(theirs)];
  return mergedKeyOrder(base, mine, theirs).map((key) => {
    const [baseItem, mineItem, theirsItem] = [b.get(key), m.get(key), t.get(key)];
    if (mineItem === undefined) return theirsItem ?? baseItem;
    if (theirsItem === undefined) return mineItem;
    const settled = oneSideOnly(baseItem, mineItem, theirsItem);
    return settled ? settled.value : decide(key, baseItem, mineItem, theirsItem);
  });
}

/** Three-way set merge of plain values: kept unless one side removed it; added if either side added it. */
export function mergeSet(base: unknown, mine: unknown, theirs: unknown): unknown[] {
  const [b, m, t] = [indexByKey(base), indexByKey(mine), indexByKey(theirs)];
  return mergedKeyOrder(base, mine, theirs).flatMap((key) => {
    const inAll = m.has(key) && t.has(key);
    const removedByOne = b.has(key) && (!m.has(key) || !t.has(key));
    if (inAll || (!removedByOne && (m.has(key) || t.has(key)))) return [m.get(key) ?? t.get(key)];
    return [];
  });
}

export function conflictOf(path: string, mine: unknown, theirs: unknown, winner: 'mine' | 'theirs', reason: FieldConflict['reason']): FieldConflict {
  return { path, mine, theirs, kept: winner === 'mine' ? mine : theirs, winner, reason };
}
