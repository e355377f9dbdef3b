import type { Response } from 'express';
import type { Principal } from '@shared/domain/principal';
import type { VerifiedToken } from '../auth/access-token';
import { type PrincipalScope, readScopeFor } from '@shared/domain/scope';
import { COLLECTION_NAMES, type AnyDoc, type CollectionName } from '@shared/schemas/collections';
import type { StreamEvent } from '@shared/sync/protocol';
import type { AppDeps } from '../app-deps';
import type { ChangeRow } from '../store/changes-watcher';
import { encodeCheckpoint, scopeTagOf } from './checkpoint';
import { parseStoredDoc, visibilityOf } from './visibility';

/**
 * `GET /api/sync/stream`: server-sent events of the changes this user may see, fed from the
 * store's `_changes` feed so every server instance sees every write. Each connection starts with
 * RESYNC (the client pulls by checkpoint to cover anything it missed while disconnected);
 * heartbeats keep proxies from closing an idle stream. A stream ends when the access token it
 * was opened with expires, and at once when the user's role, sites or active flag change
 * (auth/current-principals.ts): the client reconnects with a renewed token, so what reaches the
 * device follows the user's current access, as for pulls and pushes. A reset password stops it
 * within one token lifetime.
 */
export async function openChangeStream(deps: AppDeps, { principal, expiresAt }: VerifiedToken, res: Response): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // Nothing is written once the stream has ended (its token expired, the client left).
  const write = (chunk: string) => void (res.writableEnded || res.write(chunk));
  write('retry: 2000\n\n');
  const subscriptions = COLLECTION_NAMES.filter((collection) => isReadable(principal, collection))
    .map((collection) => deps.store.watch(collection, (rows) => {
      const event = eventFor(deps, principal, collection, rows);
      if (event) write(event);
    }));
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), deps.config.STREAM_HEARTBEAT_MS);
  const expiry = setTimeout(() => res.end(), Math.max(0, expiresAt.getTime() - deps.clock.now().getTime()));
  // A changed role or site list, or a deactivation, ends the stream at once, as it refuses the token.
  const stopAccessWatch = deps.principals.onChange((userId) => {
    if (userId === principal.id && !deps.principals.isCurrent(principal)) res.end();
  });
  res.on('close', () => {
    clearInterval(heartbeat);
    clearTimeout(expiry);
    stopAccessWatch();
    for (const subscription of subscriptions) subscription.stop();
  });
  // Only once every feed position is fixed: a write after this point reaches the stream, a write
  // before it is picked up by the pull that RESYNC triggers.
  await Promise.all(subscriptions.map((subscription) => subscription.ready));
  write(encodeEvent({ kind: 'RESYNC' }));
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
 * Only the checkpoint is each connection's own (it names the connection's scope: replication/checkpoint.ts).
 * Keyed by the batch itself, so the cache goes with the batch.
 */
const encodedBatches = new WeakMap<ChangeRow[], Map<string, string | undefined>>();

function eventFor(deps: AppDeps, principal: Principal, collection: CollectionName, rows: ChangeRow[]): string | undefined {
  const scope = readScopeFor(principal, collection);
  const head = eventHead(deps, scope, collection, rows);
  const last = rows.at(-1);
  if (!head || !last) return undefined;
  const checkpoint = encodeCheckpoint({ seq: last.seq, scope: scopeTagOf(scope) }, deps.config.JWT_SECRET);
  return `${head},"checkpoint":${JSON.stringify(checkpoint)}}\n\n`;
}

/** `data: {"kind":"changes",…,"documents":[…]` for this scope's view of the batch, without the closing brace. */
function eventHead(deps: AppDeps, scope: PrincipalScope, collection: CollectionName, rows: ChangeRow[]): string | undefined {
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
  const head = documents.length === 0 ? undefined : `data: ${JSON.stringify({ kind: 'changes', collection, documents }).slice(0, -1)}`;
  byPattern.set(pattern, head);
  return head;
}
