import { describe, expect, it } from 'vitest';
import { oneSessionAtATime } from '@app/features/scan/one-session-at-a-time';

/** A start that resolves when told to, and a log of what happened to the camera. */
function camera(log: string[]) {
  const releases: (() => void)[] = [];
  const start = (name: string) => () => {
    log.push(`${name} starting`);
    return new Promise<{ stop: () => void }>((resolve) => releases.push(() => resolve({ stop: () => log.push(`${name} stopped`) })));
  };
  const finishNextStart = async () => {
    releases.shift()?.();
    // Let the queued turns run.
    for (let tick = 0; tick < 5; tick++) await Promise.resolve();
  };
  return { start, finishNextStart };
}

describe('scanner sessions, one at a time', () => {
  it('starts the next session only once the cancelled one before it has started and stopped', async () => {
    const log: string[] = [];
    const { start, finishNextStart } = camera(log);
    const inTurn = oneSessionAtATime<{ stop: () => void }>();
    let firstCancelled = false;
    const first = inTurn(start('back camera'), () => firstCancelled);
    await finishNextStart();
    expect(log).toEqual(['back camera starting']);
    // The user switches camera while the first one is still starting.
    firstCancelled = true;
    const second = inTurn(start('front camera'), () => false);
    await Promise.resolve();
    expect(log).toEqual(['back camera starting']);
    await finishNextStart();
    expect(await first).toBeUndefined();
    expect(log).toEqual(['back camera starting', 'back camera stopped', 'front camera starting']);
    await finishNextStart();
    expect(await second).toBeDefined();
  });

  it('never opens the camera for a start cancelled before its turn, and a failed start does not hold up the next', async () => {
    const log: string[] = [];
    const { start, finishNextStart } = camera(log);
    const inTurn = oneSessionAtATime<{ stop: () => void }>();
    const failed = inTurn(() => Promise.reject(new Error('NotAllowedError')), () => false);
    const skipped = inTurn(start('skipped'), () => true);
    const next = inTurn(start('next'), () => false);
    await expect(failed).rejects.toThrow('NotAllowedError');
    expect(await skipped).toBeUndefined();
    await finishNextStart();
    await finishNextStart();
    expect(log).toEqual(['next starting']);
    expect(await next).toBeDefined();
  });
});
