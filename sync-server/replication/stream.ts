import type { Request, Response } from 'express';
import type { Principal } from '@shared/domain/principal';
import { readScopeFor } from '@shared/domain/scope';
import { COLLECTION_NAMES, type AnyDoc, type CollectionName } from '@shared/schemas/collections';
import type { StreamEvent } from '@shared/sync/protocol';
import type { AppDeps } from '../app-deps';
import type { ChangeRow } from '../store/changes-watcher';
import { encodeCheckpoint } from './checkpoint';
import { parseStoredDoc, visibilityOf } from './visibility';

/**
 * `GET /api/sync/stream`: server-sent events of the changes this user may see, fed from the
 * store's `_changes` feed so every server instance sees every write. Each connection starts with
 * RESYNC (the client pulls by checkpoint to cover anything it missed while disconnected);
 * heartbeats keep proxies from closing an idle stream.
 */
export async function openChangeStream(deps: AppDeps, principal: Principal, req: Request, res: Response): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const send = (event: StreamEvent) => res.write(encodeEvent(event));
  const subscriptions = COLLECTION_NAMES.filter((collection) => isReadable(principal, collection))
    .map((collection) => deps.store.watch(collection, (rows) => {
      const event = eventFor(deps, principal, collection, rows);
      if (event) res.write(event);
    }));
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), deps.config.STREAM_HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    for (const subscription of subscriptions) subscription.stop();
  });
  // Only once every feed position is fixed: a write after this point reaches the stream, a write
  // before it is picked up by the pull that RESYNC triggers.
  await Promise.all(subscriptions.map((subscription) => subscription.ready));
  send({ kind: 'RESYNC' });
}

function isReadable(principal: Principal, collection: CollectionName): boolean {
  const scope = readScopeFor(principal, collection);
  return scope === 'all' || scope.length > 0;
}

const encodeEvent = (event: StreamEvent) => `data: ${JSON.stringify(event)}\n\n`;

/**
 * A change batch reaches every open stream. Connections that see the same documents in it (the same
 * visibility pattern: everyone of a role, every engineer outside the scope) share one parse and one
 * encoding instead of doing both per connection — with hundreds of streams, that work dominated.
 * Keyed by the batch itself, so the cache goes with the batch.
 */
const encodedBatches = new WeakMap<ChangeRow[], Map<string, string | undefined>>();

function eventFor(deps: AppDeps, principal: Principal, collection: CollectionName, rows: ChangeRow[]): string | undefined {
  const scope = readScopeFor(principal, collection);
  const visibilities = rows.map((row) => visibilityOf(scope, row.stored));
  const pattern = visibilities.map((visibility) => visibility[0]).join('');
  let byPattern = encodedBatches.get(rows);
  if (!byPattern) {
    byPattern = new Map();
    encodedBatches.set(rows, byPattern);
  }
  if (byPattern.has(pattern)) return byPattern.get(pattern);
  const documents: AnyDoc[] = rows.flatMap((row, index) => {
    const visibility = visibilities[index];
    if (visibility === 'hidden') return [];
    const doc = parseStoredDoc(collection, row.stored.fields, deps.logger);
    if (!doc) return [];
    return visibility === 'removed' ? [{ ...doc, _deleted: true }] : [doc];
  });
  const last = rows.at(-1);
  const event = documents.length === 0 || !last ? undefined : encodeEvent({ kind: 'changes', collection, documents, checkpoint: encodeCheckpoint(last.seq) });
  byPattern.set(pattern, event);
  return event;
}
