import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeStream } from '@app/sync/change-stream';
import { OfflineError } from '@app/sync/errors';
import { Reachability, type ReachabilityEnvironment } from '@app/sync/reachability';

const noEvents: ReachabilityEnvironment = { browserOffline: () => false, onChance: () => () => undefined };

/** A sync server that is down until `up` is set; up, it opens a stream that sends RESYNC and stays open. */
function fakeApi() {
  const server = { up: false, streams: 0, probes: 0, cutStreams: 0 };
  const api = {
    authorizedFetch: vi.fn(async (_path: string, init: RequestInit = {}) => {
      server.streams++;
      if (!server.up || server.cutStreams-- > 0) throw new OfflineError();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('data: {"kind":"RESYNC"}\n\n'));
          init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    }),
    probe: vi.fn(async () => {
      server.probes++;
      if (!server.up) throw new OfflineError();
    }),
  };
  return { server, api };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ChangeStream while the server is out of reach', () => {
  it('tries once, then leaves the waiting to the shared gate: 100 s down cost one stream request and the probes; the answer reconnects at once', async () => {
    const { server, api } = fakeApi();
    const reachability = new Reachability(api.probe, noEvents);
    const stream = new ChangeStream(api, reachability);
    stream.start();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(server.streams).toBe(1);
    // The stream's own failure is confirmed by one probe at once, then the gate's probes.
    expect(server.probes).toBe(20);
    expect(stream.connected$.getValue()).toBe(false);
    expect(stream.error$.getValue()).toBeInstanceOf(OfflineError);

    server.up = true;
    // The next probe is due within 30 s; the stream connects as soon as it is answered.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.probes).toBe(21);
    expect(server.streams).toBe(2);
    expect(stream.connected$.getValue()).toBe(true);
    expect(stream.error$.getValue()).toBeUndefined();
    stream.stop();
  });

  it('a stream connection lost while the server answers is retried by the stream alone: the gate stays open for the rest', async () => {
    const { server, api } = fakeApi();
    server.up = true;
    server.cutStreams = 1;
    const reachability = new Reachability(api.probe, noEvents);
    const stream = new ChangeStream(api, reachability);
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.probes).toBe(1);
    expect(reachability.reachable).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.streams).toBe(2);
    expect(stream.connected$.getValue()).toBe(true);
    stream.stop();
  });

  it('a started stream finds a gate closed by a request at once, and a restart probes at once', async () => {
    const { server, api } = fakeApi();
    const reachability = new Reachability(api.probe, noEvents);
    reachability.reportUnreachable();
    const stream = new ChangeStream(api, reachability);
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.probes).toBe(1);
    expect(server.streams).toBe(0);
    stream.stop();

    server.up = true;
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.probes).toBe(2);
    expect(stream.connected$.getValue()).toBe(true);
    stream.stop();
  });
});
