import type { AnyDoc } from '@shared/schemas/collections';

export type PulledPage<C> = { documents: AnyDoc[]; checkpoint: C | undefined };
/** A first page asked for before the load (its batch size, when asked, the answer to come). */
export type AskedPage<C> = { limit: number; at: number; page: Promise<PulledPage<C>> };

/** A page fetched ahead is used only this soon after it was asked for; older ones are fetched again. */
const AHEAD_TTL_MS = 10_000;
/**
 * Pages fetched ahead at most. Two: a load hands a page to IndexedDB while the one before commits,
 * so it takes pages faster than one round trip to the server each.
 */
const AHEAD_PAGES = 2;

type Ahead<C> = AskedPage<C> & { key: string };

/**
 * Wraps a page fetch so that a full page immediately asks for the next ones while this one is
 * stored: on an initial sync the server's time and the local writes overlap instead of taking
 * turns (the next page is asked for only after this one is written). A page fetched ahead is used
 * only when asked for exactly its checkpoint and batch size, once, and while fresh; any other ask
 * drops what was fetched ahead, and a failed one is fetched again when it is asked for. Checkpoints come from the
 * store's change sequence, so a write after a page was read ahead lands on a later page: nothing is
 * skipped.
 */
export function withPullAhead<C>(
  fetchPage: (checkpoint: C | undefined, limit: number) => Promise<PulledPage<C>>,
  keyOf: (checkpoint: C | undefined) => string,
  firstPage?: AskedPage<C>,
) {
  // The first page, when already asked for (app/sync/first-pages.ts), counts as fetched ahead.
  let queue: Ahead<C>[] = firstPage ? [{ key: keyOf(undefined), ...firstPage }] : [];
  const isFull = (page: PulledPage<C>, limit: number) => page.documents.length === limit && page.checkpoint !== undefined;
  const fetchAhead = (checkpoint: C | undefined, limit: number) => {
    const page = fetchPage(checkpoint, limit);
    // Not awaited here: a failure surfaces (and is retried) when that page is asked for.
    page.catch(() => undefined);
    queue.push({ key: keyOf(checkpoint), limit, at: Date.now(), page });
  };
  // Once the last page fetched ahead arrives full, the one after it is fetched too, up to AHEAD_PAGES.
  const extend = (limit: number) => {
    const last = queue.at(-1);
    if (!last || queue.length >= AHEAD_PAGES) return;
    last.page.then((page) => {
      if (queue.at(-1) !== last || queue.length >= AHEAD_PAGES || !isFull(page, limit)) return;
      fetchAhead(page.checkpoint, limit);
      extend(limit);
    }, () => undefined);
  };
  // A full first page asks for the next one as soon as it arrives, before the load starts.
  if (firstPage) extend(firstPage.limit);
  return async (checkpoint: C | undefined, limit: number): Promise<PulledPage<C>> => {
    const key = keyOf(checkpoint);
    const head = queue[0];
    const reusable = head && head.key === key && head.limit === limit && Date.now() - head.at < AHEAD_TTL_MS ? head.page : undefined;
    queue = reusable ? queue.slice(1) : [];
    // A page fetched ahead that failed is asked for once more now, when it is wanted: the failure
    // (a blip at sign-in, a token being renewed) may be long past, and a load ends at a failed page.
    const page = await (reusable ? reusable.catch(() => fetchPage(checkpoint, limit)) : fetchPage(checkpoint, limit));
    if (queue.length === 0 && isFull(page, limit)) fetchAhead(page.checkpoint, limit);
    extend(limit);
    return page;
  };
}
