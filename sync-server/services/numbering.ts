import type { Store } from '../store/store';
import { RevisionConflictError } from '../store/store-errors';

const BLOCK_SIZE = 20;
const MAX_ATTEMPTS = 50;

type CounterDoc = { _id: string; _rev?: string; next: number };

/**
 * Hands out ticket and work-order numbers that are never repeated, even with several server
 * processes on one store: each process reserves a block of numbers by an MVCC update of the
 * counter document (a lost race retries), then serves numbers from its block. Numbers are unique
 * and increasing per process; a block abandoned by a stopped process leaves a gap, never a repeat.
 */
export class NumberAllocator {
  private readonly blocks = new Map<string, { next: number; end: number }>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly store: Store) {}

  async nextNumber(series: 'TCK' | 'WO'): Promise<string> {
    const value = await this.take(series);
    return `${series}-${String(value).padStart(6, '0')}`;
  }

  private async take(series: string): Promise<number> {
    for (;;) {
      const block = this.blocks.get(series);
      if (block && block.next < block.end) return block.next++;
      // One reservation at a time per series; concurrent callers wait for it, then take from it.
      let reservation = this.pending.get(series);
      if (!reservation) {
        reservation = this.reserveBlock(series).finally(() => this.pending.delete(series));
        this.pending.set(series, reservation);
      }
      await reservation;
    }
  }

  private async reserveBlock(series: string): Promise<void> {
    const id = `counter:${series}`;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = (await this.store.getPrivate('counters', id)) as CounterDoc | undefined;
      const start = current?.next ?? 1;
      try {
        await this.store.putPrivate('counters', { _id: id, ...(current?._rev ? { _rev: current._rev } : {}), next: start + BLOCK_SIZE });
        this.blocks.set(series, { next: start, end: start + BLOCK_SIZE });
        return;
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
      }
    }
    throw new Error(`could not reserve numbers for ${series} after ${MAX_ATTEMPTS} attempts`);
  }
}
