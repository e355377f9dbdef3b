import { isSameClientContent } from '@shared/domain/doc-rules';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import { withoutDerivedFields } from '../db/derived-fields';

/** Documents remembered at most, per collection (the least recently pushed go first). */
const MAX_DOCS = 5_000;
/** States a document waiting for its echo is known to have moved past, at most (the latest ones). */
const MAX_PASSED = 8;

type PushedRow = { newDocumentState: AnyDoc; assumedMasterState?: AnyDoc | null };
/** A push acknowledged whose own version has not come back on the stream yet. */
type Echo = { pushed: AnyDoc; base?: AnyDoc; passed: AnyDoc[]; opening: number };

/**
 * This device's acknowledged pushes, so that the server's older versions of the same documents,
 * still on their way when a push was acknowledged, are not stored over it.
 *
 * RxDB's downstream stores a pulled or streamed state over the local copy whenever the copy is what
 * it last pushed, taking whatever arrives as newer. It is not always: quick taps on a job push the
 * next status while the stream is still bringing the previous push's stamped version back (or a
 * pull read before the push reached the server answers after it), and that version then replaced
 * the newer status for a moment, until its own echo came (walkthrough finding; the push gate only
 * made it wait for the push to be recorded, tests/integration/status-fallback.test.ts).
 *
 * - The stream delivers one connection's changes in the store's order, so until a push's own
 *   version comes back, a state the device had already moved past when it pushed (the push's base,
 *   or an earlier push of its own still waiting for its echo) was written before it: it is left out.
 *   Anything else ends the wait (the echo itself, which the server may have normalised, a removal,
 *   another writer's later change).
 * - A pulled page asked for before one of its documents' pushes was acknowledged may be older than
 *   that push: it is asked for again (a request sent after the acknowledgement reads at least it).
 */
export class AcknowledgedPushes {
  private acks = 0;
  /** The acknowledgement each document was last pushed in (its number in `acks`). */
  private readonly lastAck = new Map<string, number>();
  private readonly echoes = new Map<string, Echo>();

  /** `streamOpenings`: how many stream connections have been asked for so far (ChangeStream.openings). */
  constructor(
    private readonly collection: CollectionName,
    private readonly streamOpenings: () => number,
  ) {}

  /** Where the acknowledgements stand: taken when a pull is sent, compared when its page arrives. */
  get position(): number {
    return this.acks;
  }

  /** Rows the server accepted (stored, or already held). */
  acknowledged(rows: readonly PushedRow[]): void {
    if (rows.length === 0) return;
    const at = ++this.acks;
    const opening = this.streamOpenings();
    for (const { newDocumentState, assumedMasterState } of rows) {
      const id = newDocumentState.id;
      remember(this.lastAck, id, at);
      const before = this.echoes.get(id);
      // Earlier pushes of this device's own still waiting for their echo: known by content (the server stamps its own time).
      const passed = [before?.pushed, ...(before?.passed ?? [])].filter((doc): doc is AnyDoc => Boolean(doc)).slice(0, MAX_PASSED);
      const base = before?.base ?? (assumedMasterState ? withoutDerivedFields(assumedMasterState) : undefined);
      remember(this.echoes, id, { pushed: withoutDerivedFields(newDocumentState), ...(base ? { base } : {}), passed: passed.map(withoutDerivedFields), opening });
    }
  }

  /** Whether a page asked for at `askedAt` (a `position`) holds a document pushed and acknowledged since: it may be older than that push. */
  predates(documents: readonly AnyDoc[], askedAt: number): boolean {
    return askedAt < this.acks && documents.some((doc) => (this.lastAck.get(doc.id) ?? 0) > askedAt);
  }

  /** A stream event's documents without the states their own acknowledged push has moved past. */
  streamed(documents: readonly AnyDoc[]): AnyDoc[] {
    if (this.echoes.size === 0) return [...documents];
    return documents.filter((doc) => {
      const echo = this.echoes.get(doc.id);
      if (!echo) return true;
      if (isPassed(this.collection, echo, doc) && !isSameClientContent(this.collection, echo.pushed, doc)) return false;
      this.echoes.delete(doc.id);
      return true;
    });
  }

  /**
   * A new stream connection (its RESYNC): pushes acknowledged before it was asked for were written
   * before its start in the store's feed, so nothing older than them comes on it, nor their echo.
   */
  reconnected(): void {
    const current = this.streamOpenings();
    for (const [id, echo] of this.echoes) if (echo.opening < current) this.echoes.delete(id);
  }
}

/**
 * A state the device had moved past: the base its push started from, known by its server time as
 * well (another user setting the same values again, "back to scheduled", writes a new version that
 * must not be taken for the old one, should the store's feed skip the echo before it), or an earlier
 * push of its own, by content.
 */
function isPassed(collection: CollectionName, echo: Echo, doc: AnyDoc): boolean {
  if (echo.base && echo.base.updatedAt === doc.updatedAt && isSameClientContent(collection, echo.base, doc)) return true;
  return echo.passed.some((state) => isSameClientContent(collection, state, doc));
}

/** Set `key` as the most recent entry, dropping the oldest past MAX_DOCS (a Map iterates in insertion order). */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_DOCS) map.delete(map.keys().next().value as string);
}
