import { readScopeFor } from '@shared/domain/scope';
import type { Principal } from '@shared/domain/principal';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { PullResponse } from '@shared/sync/protocol';
import type { Logger } from '../logger';
import type { Store } from '../store/store';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { documentFor } from './visibility';

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
  deps: { store: Store; logger: Logger },
  principal: Principal,
  collection: CollectionName,
  checkpoint: string | undefined,
  limit: number,
): Promise<PullResponse> {
  const scope = readScopeFor(principal, collection);
  const documents: AnyDoc[] = [];
  let since = decodeCheckpoint(checkpoint) ?? '0';
  const batchSize = scanBatchSize(collection, scope === 'all', limit);
  const readChanges = deps.store.changesReader(collection);
  for (;;) {
    const page = await readChanges(since, batchSize);
    for (const row of page.rows) {
      const doc = documentFor(collection, scope, row.stored, deps.logger);
      if (doc) documents.push(doc);
      if (documents.length === limit) return { documents, checkpoint: encodeCheckpoint(row.seq) };
    }
    since = page.lastSeq;
    if (page.scanned < batchSize) break;
  }
  return { documents, checkpoint: encodeCheckpoint(since) };
}

/**
 * How many changes to read per request: a scoped pull reads ahead to fill its page, but photos
 * are up to 400 KB each, so their reads stay small to bound the server's memory.
 */
function scanBatchSize(collection: CollectionName, unscoped: boolean, limit: number): number {
  if (collection === 'attachments') return Math.min(limit, 20);
  return unscoped ? limit : Math.max(limit, 500);
}
