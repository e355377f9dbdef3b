import type { CollectionName } from '@shared/schemas/collections';
import type { PullResponse } from '@shared/sync/protocol';
import type { ApiClient } from './api-client';
import type { PulledPage } from './pull-ahead';

/**
 * RxDB stacks checkpoints with Object.assign, which mangles a bare string; the server's opaque
 * checkpoint string therefore travels inside an object on the client side.
 */
export type ClientCheckpoint = { value: string };

const PULL_BATCH = 1000;
/** Photos are large: a page of them stays small. */
const PULL_BATCH_BY_COLLECTION: Partial<Record<CollectionName, number>> = { attachments: 20 };

export function pullBatchSize(collection: CollectionName): number {
  return PULL_BATCH_BY_COLLECTION[collection] ?? PULL_BATCH;
}

/** One page of a collection from the sync server, after `checkpoint` (from the start without one). */
export async function pullFromServer(api: ApiClient, collection: CollectionName, checkpoint: string | undefined, limit: number): Promise<PulledPage<ClientCheckpoint>> {
  const query = new URLSearchParams({ limit: String(limit), ...(checkpoint ? { checkpoint } : {}) });
  const page = await api.request<PullResponse>(`/api/sync/${collection}/pull?${query}`);
  const next = page.checkpoint ?? checkpoint;
  return { documents: page.documents, checkpoint: next ? { value: next } : undefined };
}
