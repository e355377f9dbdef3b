import type { AnyDoc } from '@shared/schemas/collections';

export type PulledPage<C> = { documents: AnyDoc[]; checkpoint: C | undefined };

/** A page fetched ahead is used only this soon after it was asked for; older ones are fetched again. */
const AHEAD_TTL_MS = 10_000;

/**
 * Wraps a page fetch so that a full page immediately asks for the next one while RxDB stores this
 * one: on an initial sync the server's time and the local writes overlap instead of taking turns
 * (RxDB asks for page n+1 only after page n is written). The page fetched ahead is used only when
 * RxDB asks for exactly its checkpoint and batch size, once, and while fresh; a failed one is
 * simply fetched again. Checkpoints come from the store's change sequence, so a write after the
 * ahead page was read lands on a later page: nothing is skipped.
 */
export function withPullAhead<C>(fetchPage: (checkpoint: C | undefined, limit: number) => Promise<PulledPage<C>>, keyOf: (checkpoint: C | undefined) => string) {
  let ahead: { key: string; limit: number; at: number; page: Promise<PulledPage<C>> } | undefined;
  return async (checkpoint: C | undefined, limit: number): Promise<PulledPage<C>> => {
    const key = keyOf(checkpoint);
    const reusable = ahead && ahead.key === key && ahead.limit === limit && Date.now() - ahead.at < AHEAD_TTL_MS ? ahead.page : undefined;
    ahead = undefined;
    const page = await (reusable ?? fetchPage(checkpoint, limit));
    if (page.documents.length === limit && page.checkpoint !== undefined) {
      const next = fetchPage(page.checkpoint, limit);
      // Not awaited here: a failure surfaces (and is retried) when RxDB asks for that page.
      next.catch(() => undefined);
      ahead = { key: keyOf(page.checkpoint), limit, at: Date.now(), page: next };
    }
    return page;
  };
}
