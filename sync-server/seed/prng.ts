/**
 * A small seeded PRNG (mulberry32, public domain) with the helpers the generators need. Seeded so
 * the same seed and base date always produce the same data: tests can pin it and a benchmark run
 * can be repeated exactly.
 */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('cannot pick from an empty list');
    return item;
  }

  /** Pick by weight: `[['a', 3], ['b', 1]]` returns 'a' three times as often as 'b'. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return this.pick(entries)[0];
  }

  /** `count` distinct items in random order (all of them when count ≥ length). */
  sample<T>(items: readonly T[], count: number): T[] {
    // Fisher–Yates over indexes, so the items themselves never need a non-null assertion.
    const order = items.map((_, index) => index);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const swap = order[i] ?? i;
      order[i] = order[j] ?? j;
      order[j] = swap;
    }
    return order.slice(0, count).flatMap((index) => {
      const item = items[index];
      return item === undefined ? [] : [item];
    });
  }

  /** A string of uppercase letters and digits, for serial numbers. */
  code(length: number): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }
}
