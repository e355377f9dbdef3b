import { Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { checkMoments } from '@app/sync/outbox-sweep';

/** Runs checkMoments over `active` values at the given virtual times; returns the times it fired. */
function firings(activity: Array<[number, boolean]>, until: number): number[] {
  const times: number[] = [];
  const scheduler = new TestScheduler(() => undefined);
  scheduler.run(() => {
    const active$ = new Subject<boolean>();
    checkMoments(active$).subscribe(() => times.push(scheduler.now()));
    for (const [at, active] of activity) scheduler.schedule(() => active$.next(active), at);
    scheduler.schedule(() => active$.complete(), until);
  });
  return times;
}

describe('when the outbox is checked against the server', () => {
  it('checks once the replication has been quiet for a moment', () => {
    expect(firings([[0, true], [50, false]], 10_000)).toEqual([350]);
  });

  it('still checks, at idle moments, when short syncs keep the replication from ever being quiet that long', () => {
    // A sync every 60 ms, each active for 20 ms, for 10 s: the quiet-time rule alone never fires.
    const activity: Array<[number, boolean]> = [];
    for (let at = 0; at < 10_000; at += 60) activity.push([at, true], [at + 20, false]);
    const times = firings(activity, 10_000);
    expect(times.length).toBeGreaterThanOrEqual(3);
    // Each check falls on an idle moment (between a sync's end and the next one's start).
    for (const time of times) expect(time % 60).toBeGreaterThanOrEqual(20);
  });

  it('checks again only after the replication was active again', () => {
    expect(firings([[0, true], [50, false], [1_000, true], [1_100, false]], 10_000)).toEqual([350, 1_400]);
  });

  it('does not check while the replication stays busy', () => {
    expect(firings([[0, false], [10, true]], 10_000)).toEqual([]);
  });
});
