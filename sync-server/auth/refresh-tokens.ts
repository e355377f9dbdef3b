import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { Store } from '../store/store';
import { RevisionConflictError } from '../store/store-errors';

/** 30 days, sliding: an engineer who syncs at least once a month never retypes the password offline-first. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

/** How often revoking one token retries after losing an MVCC race with a concurrent rotation. */
const REVOKE_ATTEMPTS = 5;

/**
 * One refresh token as stored in the private auth db. Only the token's SHA-256 is kept (the `_id`):
 * a leaked database does not leak usable tokens. A token is single-use: `usedAt` is set when it is
 * rotated, and presenting it again is reuse.
 */
const RefreshRecordSchema = z.object({
  _id: z.string(),
  _rev: z.string(),
  kind: z.literal('refresh'),
  familyId: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().optional(),
  revokedAt: z.string().optional(),
});
export type RefreshRecord = z.infer<typeof RefreshRecordSchema>;

export type IssuedRefreshToken = { token: string; familyId: string; expiresAt: Date };

export type RefreshLookup =
  | { status: 'valid'; record: RefreshRecord }
  | { status: 'reused'; record: RefreshRecord }
  | { status: 'invalid' };

/** 32 random bytes; SHA-256 is enough to store them because they are not guessable like passwords. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const tokenDocId = (token: string) => `rt:${hashRefreshToken(token)}`;
/** Written once when a family is revoked; see `wasFamilyRevoked` for the race it closes. */
const familyMarkerId = (familyId: string) => `rtf:${familyId}`;

/** Refresh token families: issue at login, rotate on every use, revoke the whole family on reuse. */
export class RefreshTokens {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** A new token; without a familyId it starts a new family (a new login on a new device). */
  async issue(userId: string, familyId: string = randomUUID()): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.store.putPrivate('auth', {
      _id: tokenDocId(token),
      kind: 'refresh',
      familyId,
      userId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { token, familyId, expiresAt };
  }

  /** Classify a presented token. Revoked and expired tokens are simply invalid; a used one is reuse. */
  async lookup(token: string): Promise<RefreshLookup> {
    const record = await this.read(tokenDocId(token));
    if (!record || record.revokedAt) return { status: 'invalid' };
    if (Date.parse(record.expiresAt) <= this.clock.now().getTime()) return { status: 'invalid' };
    if (record.usedAt) return { status: 'reused', record };
    return { status: 'valid', record };
  }

  /**
   * Mark the token used, based on the revision we read. False when another request used it first
   * (CouchDB answers 409): two uses of one token are reuse, whoever won the race.
   */
  async markUsed(record: RefreshRecord): Promise<boolean> {
    try {
      await this.store.putPrivate('auth', { ...record, usedAt: this.clock.now().toISOString() });
      return true;
    } catch (error) {
      if (error instanceof RevisionConflictError) return false;
      throw error;
    }
  }

  /** The family a presented token belongs to, whatever its state (logout revokes it). */
  async familyOf(token: string): Promise<string | undefined> {
    return (await this.read(tokenDocId(token)))?.familyId;
  }

  /**
   * Revoke every live token of a family. The marker goes first: a rotation that inserts its new
   * token after our query below still finds the marker when it checks `wasFamilyRevoked`.
   */
  async revokeFamily(familyId: string): Promise<void> {
    const at = this.clock.now().toISOString();
    await this.writeFamilyMarker(familyId, at);
    // https://docs.couchdb.org/en/stable/api/database/find.html — served by the `by-family` index.
    const live = await this.store.findPrivate('auth', { kind: 'refresh', familyId, revokedAt: { $exists: false } });
    for (const doc of live) await this.revokeOne(doc._id, at);
  }

  /**
   * Sign a user out everywhere (a password reset): every family with a token still unused is
   * revoked. Used tokens are left out of the query, as each rotation leaves one behind.
   */
  async revokeEveryFamilyOf(userId: string): Promise<void> {
    const current = await this.store.findPrivate('auth', { kind: 'refresh', userId, revokedAt: { $exists: false }, usedAt: { $exists: false } });
    for (const familyId of new Set(current.map((doc) => String(doc.familyId)))) await this.revokeFamily(familyId);
  }

  async wasFamilyRevoked(familyId: string): Promise<boolean> {
    return (await this.store.getPrivate('auth', familyMarkerId(familyId))) !== undefined;
  }

  private async writeFamilyMarker(familyId: string, at: string): Promise<void> {
    try {
      await this.store.putPrivate('auth', { _id: familyMarkerId(familyId), kind: 'refreshFamilyRevoked', familyId, revokedAt: at });
    } catch (error) {
      // Already revoked (by a concurrent reuse or an earlier logout): that is the state we want.
      if (!(error instanceof RevisionConflictError)) throw error;
    }
  }

  /** Set revokedAt, re-reading and retrying when a concurrent rotation changed the doc under us. */
  private async revokeOne(id: string, at: string): Promise<void> {
    for (let attempt = 0; attempt < REVOKE_ATTEMPTS; attempt += 1) {
      const record = await this.read(id);
      if (!record || record.revokedAt) return;
      try {
        await this.store.putPrivate('auth', { ...record, revokedAt: at });
        return;
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
      }
    }
    // Unreachable in practice (only a rotation writes these docs); even then every rotation in this
    // family is refused by the marker, so this only fails the request loudly.
    throw new Error(`could not revoke refresh token ${id} after ${REVOKE_ATTEMPTS} attempts`);
  }

  private async read(id: string): Promise<RefreshRecord | undefined> {
    const parsed = RefreshRecordSchema.safeParse(await this.store.getPrivate('auth', id));
    return parsed.success ? parsed.data : undefined;
  }
}
