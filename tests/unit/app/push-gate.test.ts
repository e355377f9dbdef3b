import { describe, expect, it } from 'vitest';
import { PushGate } from '@app/sync/push-gate';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('PushGate', () => {
  it('holds a pulled document until its push is recorded, and lets others through at once', async () => {
    const gate = new PushGate();
    const push = deferred();
    gate.hold(['a', 'b'], push.promise);
    const order: string[] = [];
    const held = gate.passage(['x', 'a']).then(() => order.push('a'));
    await gate.passage(['x', 'y']).then(() => order.push('x'));
    expect(order).toEqual(['x']);
    push.resolve();
    await held;
    expect(order).toEqual(['x', 'a']);
  });

  it('forgets a settled push, and a later push of the same document holds it again', async () => {
    const gate = new PushGate();
    const first = deferred();
    gate.hold(['a'], first.promise);
    const second = deferred();
    gate.hold(['a'], second.promise);
    first.resolve();
    await first.promise;
    let passed = false;
    const waiting = gate.passage(['a']).then(() => (passed = true));
    await Promise.resolve();
    expect(passed).toBe(false);
    second.resolve();
    await waiting;
    expect(passed).toBe(true);
  });
});
