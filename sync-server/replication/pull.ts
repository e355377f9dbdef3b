import { readScopeFor } from '@shared/domain/scope';
import type { Principal } from '@shared/domain/principal';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { PullResponse } from '@shared/sync/protocol';
import type { Logger } from '../logger';
import type { RawStored, Store } from '../store/store';
import { decodeCheckpoint, encodeCheckpoint, type FeedPosition, isSameScope, type ScopeTag, scopeTagOf, unionOfScopes } from './checkpoint';
import { catchUpDocumentFor, documentFor } from './visibility';

/**
 * One page of a collection for a principal, following RxDB's pull contract: documents after the
 * checkpoint, in change order, at most `limit`; a shorter page means the end of the feed.
 *
 * The store's feed holds every document, so for a scoped principal we keep reading batches and
 * filtering until the page is full or the feed ends. The checkpoint is the sequence of the last
 * change we *looked at* (delivered or not), so a write that commits during a paginated pull has a
 * later sequence and lands on a later page; it can never be skipped.
 */
export async function pullPage(
  deps: { store: Store; logger: Logger; config: { JWT_SECRET: string } },
  principal: Principal,
  collection: CollectionName,
  checkpoint: string | undefined,
  limit: number,
): Promise<PullResponse> {
  const scope = readScopeFor(principal, collection);
  const tag = scopeTagOf(scope);
  const documents: AnyDoc[] = [];
  const start = startingPoint(decodeCheckpoint(checkpoint, deps.config.JWT_SECRET), tag);
  let since = start.since;
  const was = start.was;
  const serve = (stored: RawStored) => (was ? catchUpDocumentFor(collection, scope, was, stored, deps.logger) : documentFor(collection, scope, stored, deps.logger));
  const batchSize = scanBatchSize(collection, scope === 'all', limit);
  const readChanges = deps.store.changesReader(collection);
  for (;;) {
    const page = await readChanges(since, batchSize);
    for (const row of page.rows) {
      const doc = serve(row.stored);
      if (doc) documents.push(doc);
      if (documents.length === limit) return { documents, checkpoint: encodeCheckpoint({ seq: row.seq, scope: tag, was }, deps.config.JWT_SECRET) };
    }
    since = page.lastSeq;
    if (page.scanned < batchSize) break;
  }
  // The end of the feed: a catch-up is complete here, so the position no longer carries `was`.
  return { documents, checkpoint: encodeCheckpoint({ seq: since, scope: tag }, deps.config.JWT_SECRET) };
}

/**
 * Where a pull starts. Pulled under the same scope: from its position (a catch-up under way goes
 * on). Pulled under another scope: from the start of the feed, as a catch-up against every scope
 * the device may hold documents of, since its copy was never told what this scope adds or takes
 * away. A position without a scope (older, or too large to carry) goes on as pulled.
 */
function startingPoint(position: FeedPosition | undefined, tag: ScopeTag | undefined): { since: string; was?: ScopeTag } {
  if (!position) return { since: '0' };
  if (!tag || !position.scope) return { since: position.seq };
  if (isSameScope(position.scope, tag)) return { since: position.seq, ...(position.was ? { was: position.was } : {}) };
  return { since: '0', was: unionOfScopes(position.scope, position.was) };
}

/**
 * How many changes to read per request: a scoped pull reads ahead to fill its page, but photos
 * are up to 400 KB each, so their reads stay small to bound the server's memory.
 */
function scanBatchSize(collection: CollectionName, unscoped: boolean, limit: number): number {
  if (collection === 'attachments') return Math.min(limit, 20);
  return unscoped ? limit : Math.max(limit, 500);
}
