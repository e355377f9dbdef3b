import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { PrincipalScope } from '@shared/domain/scope';
import { badRequest } from '../errors';

/**
 * A pull checkpoint wraps the store's change sequence (never a timestamp: several server
 * instances' clocks disagree, a change sequence does not). It is base64url JSON so clients treat
 * it as opaque; the version lets us change its content without breaking stored checkpoints.
 *
 * It also names the scope the device's copy was pulled under (`scope`), so a pull under another
 * scope (a site manager given or relieved of a site, a changed role) knows the device's copy is
 * stale even where no document changed, and catches up (replication/pull.ts); `was` is the scope
 * being caught up from. Checkpoints from before scopes were recorded have none and are taken as
 * pulled under the current scope. A checkpoint that carries a scope is signed with the server's
 * secret: a catch-up sends removals of what the former scope saw, and removals carry the
 * documents, so a forged former scope must not count.
 */
const ScopeTagSchema = z.union([z.literal('all'), z.array(z.string().max(200)).max(400)]);
const CheckpointContentSchema = z.object({ v: z.literal(1), seq: z.string().min(1).max(1500), scope: ScopeTagSchema.optional(), was: ScopeTagSchema.optional() });

/** A scope as a checkpoint carries it: `all`, or its reader keys, sorted. */
export type ScopeTag = PrincipalScope;
export type FeedPosition = { seq: string; scope?: ScopeTag; was?: ScopeTag };

/** Past this a scope is not carried (the checkpoint travels in a URL): such a device is not caught up on a scope change. */
const MAX_SCOPE_CHARS = 1200;

export function scopeTagOf(scope: PrincipalScope): ScopeTag | undefined {
  if (scope === 'all') return scope;
  const keys = [...new Set(scope)].sort();
  return JSON.stringify(keys).length <= MAX_SCOPE_CHARS ? keys : undefined;
}

export function isSameScope(a: ScopeTag, b: ScopeTag): boolean {
  return a === 'all' || b === 'all' ? a === b : a.length === b.length && a.every((key, index) => key === b[index]);
}

/** Both scopes' readers: what a device may hold after several changes in a row. */
export function unionOfScopes(a: ScopeTag, b: ScopeTag | undefined): ScopeTag {
  if (!b) return a;
  return a === 'all' || b === 'all' ? 'all' : [...new Set([...a, ...b])].sort();
}

export function encodeCheckpoint(position: FeedPosition, secret: string): string {
  const { seq, scope, was } = position;
  const content = Buffer.from(JSON.stringify({ v: 1, seq, ...(scope ? { scope } : {}), ...(was ? { was } : {}) })).toString('base64url');
  return scope || was ? `${content}.${signatureOf(content, secret)}` : content;
}

export function decodeCheckpoint(checkpoint: string | undefined, secret: string): FeedPosition | undefined {
  if (checkpoint === undefined) return undefined;
  const [content = '', signature, ...rest] = checkpoint.split('.');
  const signed = signature !== undefined && rest.length === 0 && isSignatureOf(content, signature, secret);
  try {
    const parsed = CheckpointContentSchema.safeParse(JSON.parse(Buffer.from(content, 'base64url').toString('utf8')));
    if (parsed.success && rest.length === 0) {
      // The keys were written by this server from a PrincipalScope. Unsigned or not signed with
      // this secret (forged, or issued before the secret was rotated), only the sequence is taken:
      // the device goes on from where it was, with no catch-up.
      const { seq, scope, was } = parsed.data as { seq: string; scope?: ScopeTag; was?: ScopeTag };
      return signed ? { seq, ...(scope ? { scope } : {}), ...(was ? { was } : {}) } : { seq };
    }
  } catch (error) {
    // Not base64url JSON: reported below as a client error, there is nothing to log.
    void error;
  }
  throw badRequest('checkpoint: not a checkpoint this server issued; send it back exactly as received, or omit it to start over', 'checkpoint');
}

function signatureOf(content: string, secret: string): string {
  return createHmac('sha256', secret).update(`checkpoint:${content}`).digest('base64url').slice(0, 32);
}

function isSignatureOf(content: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(signatureOf(content, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
