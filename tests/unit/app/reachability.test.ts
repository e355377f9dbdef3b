import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NEVER, Subject } from 'rxjs';
import { HttpError, OfflineError, RequestLostError } from '@app/sync/errors';
import { Reachability, type ReachabilityEnvironment } from '@app/sync/reachability';

/** The browser as the gate sees it: whether it knows it is offline, and its 'online'/visible events. */
function fakeEnvironment() {
  const listeners = new Set<() => void>();
  const environment: ReachabilityEnvironment & { offline: boolean; chance: () => void; listening: () => number } = {
    offline: false,
    browserOffline: () => environment.offline,
    onChance: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    chance: () => listeners.forEach((listener) => listener()),
    listening: () => listeners.size,
  };
  return environment;
}

/** A server that is down until `up` is set: the probe's answer. */
function fakeServer() {
  const server = { up: false, probes: [] as number[] };
  const probe = vi.fn(async () => {
    server.probes.push(Date.now());
    if (!server.up) throw new OfflineError();
  });
  return { server, probe };
}

const running = { stopped$: NEVER, isStopped: () => false };

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Reachability', () => {
  it('sends nothing but one probe at a growing interval while the server is out of reach: 1, 2, 4 s, every 4 s for a minute, then up to every 15 s', async () => {
    const { server, probe } = fakeServer();
    const gate = new Reachability(probe, fakeEnvironment());
    gate.start();
    gate.reportUnreachable();
    expect(gate.reachable).toBe(false);

    await vi.advanceTimersByTimeAsync(100_000);
    const gaps = server.probes.map((at, index) => at - (server.probes[index - 1] ?? 0));
    // The last 4 s gap starts just before the minute is up.
    expect(gaps).toEqual([1_000, 2_000, 4_000, ...Array<number>(14).fill(4_000), 8_000, 15_000]);

    await vi.advanceTimersByTimeAsync(300_000);
    expect(server.probes.slice(19)).toEqual(Array.from({ length: 20 }, (_, index) => 101_000 + index * 15_000));
    gate.stop();
  });

  it('backs off to 30 s at once while the browser knows it is offline (its online event will say when)', async () => {
    const { server, probe } = fakeServer();
    const environment = fakeEnvironment();
    environment.offline = true;
    const gate = new Reachability(probe, environment);
    gate.start();
    gate.reportUnreachable();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(server.probes).toEqual([1_000, 3_000, 7_000, 15_000, 31_000, 61_000, 91_000]);
    gate.stop();
  });

  it('holds every request while closed and sends them all as soon as a probe gets an answer', async () => {
    const { server, probe } = fakeServer();
    const gate = new Reachability(probe, fakeEnvironment());
    gate.start();
    const pull = vi.fn(async () => {
      if (!server.up) throw new OfflineError();
      return 'page';
    });
    const push = vi.fn(async () => 'acknowledged');

    const pulled = gate.send(pull, running);
    await vi.advanceTimersByTimeAsync(0);
    expect(pull).toHaveBeenCalledTimes(1);
    expect(gate.reachable).toBe(false);
    // A request made while closed waits for the gate instead of trying on its own.
    const pushed = gate.send(push, running);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pull).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();

    server.up = true;
    const probesBefore = server.probes.length;
    await vi.advanceTimersByTimeAsync(4_000);
    expect(server.probes.length).toBe(probesBefore + 1);
    expect(gate.reachable).toBe(true);
    await expect(pulled).resolves.toBe('page');
    await expect(pushed).resolves.toBe('acknowledged');
    expect(pull).toHaveBeenCalledTimes(2);
    // Open again: no more probes.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.probes.length).toBe(probesBefore + 1);
    gate.stop();
  });

  it("probes at once on the browser's online event or a page come to the front, and starts over with short gaps", async () => {
    const { server, probe } = fakeServer();
    const environment = fakeEnvironment();
    const gate = new Reachability(probe, environment);
    gate.start();
    gate.reportUnreachable();
    await vi.advanceTimersByTimeAsync(200_000);
    const count = server.probes.length;

    environment.chance();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.probes).toHaveLength(count + 1);
    expect(server.probes.at(-1)).toBe(200_000);
    await vi.advanceTimersByTimeAsync(7_000);
    expect(server.probes.slice(count)).toEqual([200_000, 202_000, 206_000]);

    server.up = true;
    environment.chance();
    await vi.advanceTimersByTimeAsync(0);
    expect(gate.reachable).toBe(true);
    gate.stop();
    expect(environment.listening()).toBe(0);
  });

  it('one request lost while the server still answers is sent again twice, then fails on its own; the gate stays open for the rest', async () => {
    const { server, probe } = fakeServer();
    server.up = true;
    const gate = new Reachability(probe, fakeEnvironment());
    gate.start();
    // A proxy resets a large upload: no answer to that request, though the server is there.
    const cut = new OfflineError(new TypeError('Failed to fetch'));
    const sends: number[] = [];
    const upload = gate.send(() => {
      sends.push(Date.now());
      return Promise.reject(cut);
    }, running);
    const failed = upload.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    // Meanwhile the gate is open: another request goes at once.
    await expect(gate.send(async () => 'page', running)).resolves.toBe('page');
    expect(gate.reachable).toBe(true);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sends).toEqual([0, 1_000, 3_000]);
    expect(await failed).toBeInstanceOf(RequestLostError);
    expect(await failed).toMatchObject({ cause: cut });
    expect(server.probes).toHaveLength(3);

    // Lost once, then answered: the caller never hears of the loss.
    let first = true;
    const flaky = gate.send(() => (first ? ((first = false), Promise.reject(new OfflineError())) : Promise.resolve('stored')), running);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(flaky).resolves.toBe('stored');

    // Several lost at once share one probe; when it gets no answer either, that is an outage.
    server.up = false;
    const probesBefore = server.probes.length;
    const lost = [1, 2, 3].map(() => gate.send(() => Promise.reject(new OfflineError()), running).catch((error: unknown) => error));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.probes).toHaveLength(probesBefore + 1);
    expect(gate.reachable).toBe(false);
    server.up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(gate.reachable).toBe(true);
    // They wait for the gate and are sent again (and lost again, now while the server answers).
    await vi.advanceTimersByTimeAsync(3_000);
    for (const request of lost) expect(await request).toBeInstanceOf(RequestLostError);
    gate.stop();
  });

  it('a server that answers the probe but fails the next request keeps the grown gap (no loop of quick retries)', async () => {
    const { server, probe } = fakeServer();
    const gate = new Reachability(probe, fakeEnvironment());
    gate.start();
    gate.reportUnreachable();
    await vi.advanceTimersByTimeAsync(100_000);
    server.up = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(gate.reachable).toBe(true);

    // The probe answers, a sync request at once finds no server: the same outage goes on.
    server.up = false;
    gate.reportUnreachable();
    const from = server.probes.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.probes.length - from).toBeLessThanOrEqual(4);

    // Reachable for a while, the next failure is a new outage and is probed quickly again.
    server.up = true;
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.advanceTimersByTimeAsync(31_000);
    server.up = false;
    gate.reportUnreachable();
    const again = server.probes.length;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(server.probes.length - again).toBe(2);
    gate.stop();
  });

  it('passes other failures through without closing, and any answer reopens the gate', async () => {
    const { probe } = fakeServer();
    const gate = new Reachability(probe, fakeEnvironment());
    gate.start();
    const refused = new HttpError(409, 'conflict', 'taken');
    await expect(gate.send(() => Promise.reject(refused), running)).rejects.toBe(refused);
    expect(gate.reachable).toBe(true);

    gate.reportUnreachable();
    gate.reportReachable();
    expect(gate.reachable).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(probe).not.toHaveBeenCalled();
    gate.stop();
  });

  it('gives up waiting when its caller stops, and a stopped gate probes no more', async () => {
    const { probe } = fakeServer();
    const gate = new Reachability(probe, fakeEnvironment());
    gate.start();
    gate.reportUnreachable();
    const stopped$ = new Subject<void>();
    let stopped = false;
    const request = vi.fn(() => Promise.resolve('never sent'));
    const waiting = gate.send(request, { stopped$, isStopped: () => stopped });
    stopped = true;
    stopped$.next();
    await expect(waiting).rejects.toBeInstanceOf(OfflineError);
    expect(request).not.toHaveBeenCalled();

    gate.stop();
    const count = probe.mock.calls.length;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(probe.mock.calls.length).toBe(count);
  });
});
