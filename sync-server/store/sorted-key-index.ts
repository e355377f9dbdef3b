type Keyed = { key: string; id: string };

/**
 * One cached collection's documents ordered by a key they carry (a ticket's next SLA threshold),
 * so "every document whose key is at most X" is a walk of just those, not of every cached document:
 * walking 100,000 cached tickets took ~85 ms (memory-bound). A document without a key (or deleted)
 * is left out.
 */
export class SortedKeyIndex<S> {
  private sorted: Keyed[] = [];
  private readonly keyById = new Map<string, string>();

  constructor(private readonly keyOf: (stored: S) => string | undefined) {}

  /** Rebuilds from every current document at once (one sort, not one insertion each). */
  rebuild(documents: Iterable<{ id: string; stored: S }>): void {
    this.keyById.clear();
    const keyed: Keyed[] = [];
    for (const { id, stored } of documents) {
      const key = this.keyOf(stored);
      if (key === undefined) continue;
      keyed.push({ key, id });
      this.keyById.set(id, key);
    }
    this.sorted = keyed.sort(compareKeyed);
  }

  /** Takes in a document's new version. */
  update(id: string, stored: S): void {
    const old = this.keyById.get(id);
    if (old !== undefined) {
      const at = position(this.sorted, { key: old, id });
      if (this.sorted[at]?.id === id) this.sorted.splice(at, 1);
      this.keyById.delete(id);
    }
    const key = this.keyOf(stored);
    if (key === undefined) return;
    this.sorted.splice(position(this.sorted, { key, id }), 0, { key, id });
    this.keyById.set(id, key);
  }

  /** Ids of the documents whose key is at most `upTo`, by key then id, at most `limit`. */
  upTo(upTo: string, limit: number): string[] {
    const ids: string[] = [];
    for (const item of this.sorted) {
      if (item.key > upTo || ids.length >= limit) break;
      ids.push(item.id);
    }
    return ids;
  }
}

const compareKeyed = (a: Keyed, b: Keyed) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Index of the first item not before `target`. */
function position(sorted: readonly Keyed[], target: Keyed): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareKeyed(sorted[middle]!, target) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
