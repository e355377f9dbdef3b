import { describe, expect, it } from 'vitest';
import { pushBodies } from '@app/sync/push-body';

describe('pushBodies', () => {
  it('sends a light batch as one body, and splits a heavy one without losing or reordering rows', () => {
    const rows = Array.from({ length: 50 }, (_, index) => ({ newDocumentState: { id: `wo-${index}`, text: 'x'.repeat(index * 10) } }));
    expect(pushBodies(rows, 1_000_000)).toEqual([JSON.stringify(rows)]);
    const bodies = pushBodies(rows, 2_000);
    expect(bodies.length).toBeGreaterThan(1);
    expect(bodies.every((body) => body.length <= 2_000)).toBe(true);
    expect(bodies.flatMap((body) => JSON.parse(body) as unknown[])).toEqual(rows);
  });

  it('sends a row larger than the limit on its own', () => {
    const rows = [{ id: 'a' }, { id: 'big', text: 'y'.repeat(500) }, { id: 'b' }];
    const bodies = pushBodies(rows, 100);
    expect(bodies.map((body) => (JSON.parse(body) as { id: string }[]).map((row) => row.id))).toEqual([['a'], ['big'], ['b']]);
    expect(pushBodies([])).toEqual([]);
  });
});
