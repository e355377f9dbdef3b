import { NumberAllocator } from '../services/numbering';
import type { Store } from '../store/store';
import type { NumberFn } from './seed-context';

/**
 * Take `counts` ticket and work-order numbers from the live counter up front, so a pure generator
 * can use them, and numbers the server hands out later continue after them instead of repeating.
 */
export async function allocateNumbers(store: Store, counts: { TCK: number; WO: number }): Promise<NumberFn> {
  const allocator = new NumberAllocator(store);
  const take = async (series: 'TCK' | 'WO') => {
    const numbers: string[] = [];
    // Sequential on purpose: the allocator serves a block per reservation, in increasing order.
    for (let i = 0; i < counts[series]; i++) numbers.push(await allocator.nextNumber(series));
    return numbers;
  };
  const allocated = { TCK: await take('TCK'), WO: await take('WO') };
  return (series, index) => {
    const value = allocated[series][index];
    if (!value) throw new Error(`no ${series} number allocated for #${index + 1} (only ${allocated[series].length})`);
    return value;
  };
}
