/** The longest a pulled document waits for its push to settle; past it the pull goes on (a stuck push must not stop pulls). */
const MAX_HOLD_MS = 15_000;

/**
 * Holds pulled documents back while their own push is in flight.
 *
 * The server stamps what it owns (number, createdAt, updatedAt) on every accepted push, so the
 * document it stores differs from the one the device sent. If that stamped version is pulled (a
 * reconnect's RESYNC, a reSync) or streamed while the push is still in flight, RxDB finds a local
 * state it has not recorded as pushed, ignores the server's version, and still moves its pull
 * checkpoint past it: the device would keep its own copy for good (rxdb#5571; RxDB delays stream
 * events while an upstream cycle runs, but not pulls, nor the pushes of a RESYNC's upstream pass).
 * Held here until RxDB has stored the push's outcome, the stamped version then replaces the
 * pushed one as any newer server state does.
 */
export class PushGate {
  private readonly held = new Map<string, Promise<void>>();

  /** Hold these documents until `settled` resolves. */
  hold(ids: readonly string[], settled: Promise<void>): void {
    for (const id of ids) this.held.set(id, settled);
    void settled.then(() => {
      for (const id of ids) if (this.held.get(id) === settled) this.held.delete(id);
    });
  }

  /** Resolves once none of these documents is in a push that has not settled (or after MAX_HOLD_MS). */
  async passage(ids: readonly string[]): Promise<void> {
    if (this.held.size === 0) return;
    const waits = new Set<Promise<void>>();
    for (const id of ids) {
      const settled = this.held.get(id);
      if (settled) waits.add(settled);
    }
    if (waits.size === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_HOLD_MS)));
    await Promise.race([Promise.all(waits), cap]);
    clearTimeout(timer);
  }
}
