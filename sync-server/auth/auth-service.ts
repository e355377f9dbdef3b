import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { User } from '@shared/schemas/user';
import { ACCESS_TOKEN_TTL_SECONDS, type LoginResponse } from '@shared/sync/auth-protocol';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors';
import { signAccessToken } from './access-token';
import { loadActiveUser, readUserStanding } from './active-user';
import { credentialId } from './credentials';
import { hashPassword, verifyPassword } from './passwords';
import { type IssuedRefreshToken, RefreshTokens } from './refresh-tokens';

const CredentialSchema = z.object({ kind: z.literal('credential'), userId: z.string(), passwordHash: z.string() });

/** One message for every login failure, so the reply never tells which part was wrong. */
export const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'Wrong username or password');
const invalidRefresh = () => new AppError(401, 'unauthorized', 'The session has expired or was signed out; sign in again');
/**
 * Told only to a caller whose refresh token is valid: the device locks and removes its copy of the
 * company's data instead of asking the user to sign in again (which would only fail the same way).
 */
export const accountInactive = () => new AppError(401, 'account_inactive', 'This account has been deactivated');
const reusedRefresh = () =>
  new AppError(401, 'refresh_token_reused', 'This sign-in was already used elsewhere; every session of it was signed out. Sign in again');

/** Password check and the refresh-token lifecycle; the router only adds HTTP (throttle, cookie). */
export class AuthService {
  private readonly tokens: RefreshTokens;
  /**
   * Hashed once at start with the same Argon2id cost as real hashes. An unknown username is verified
   * against it, so it costs the same time as a wrong password and timing does not reveal accounts.
   */
  private readonly dummyHash: Promise<string>;

  constructor(private readonly deps: AppDeps) {
    this.tokens = new RefreshTokens(deps.store, deps.clock);
    this.dummyHash = hashPassword(randomBytes(32).toString('base64url'));
    // Log a failure now; a login awaiting the promise later still gets the rejection (→ 500).
    void this.dummyHash.catch((error: unknown) => deps.logger.error({ err: error }, 'could not compute the dummy password hash'));
  }

  /** The active user whose password this is, or undefined: the caller answers invalidCredentials either way. */
  async verifyCredentials(username: string, password: string): Promise<User | undefined> {
    const parsed = CredentialSchema.safeParse(await this.deps.store.getPrivate('auth', credentialId(username)));
    const credential = parsed.success ? parsed.data : undefined;
    const passwordOk = await verifyPassword(credential?.passwordHash ?? (await this.dummyHash), password);
    // The directory is read only after the hash check, so both failure paths do the same work.
    if (!credential || !passwordOk) return undefined;
    return loadActiveUser(this.deps.store, credential.userId, this.deps.logger);
  }

  /** A fresh session for a user who just proved their password: a new refresh-token family. */
  async startSession(user: User): Promise<LoginResponse> {
    return this.buildSession(user, await this.tokens.issue(user.id));
  }

  /** Rotate a refresh token: the presented one becomes used, a new one in its family is returned. */
  async refresh(token: string): Promise<LoginResponse> {
    const found = await this.tokens.lookup(token);
    if (found.status === 'invalid') throw invalidRefresh();
    const { familyId, userId } = found.record;
    if (found.status === 'reused') return this.rejectReuse(familyId, userId);
    const standing = await readUserStanding(this.deps.store, userId, this.deps.logger);
    if (standing.status !== 'active') {
      await this.tokens.revokeFamily(familyId);
      throw standing.status === 'inactive' ? accountInactive() : invalidRefresh();
    }
    const { user } = standing;
    if (!(await this.tokens.markUsed(found.record))) return this.rejectReuse(familyId, userId);
    const next = await this.tokens.issue(user.id, familyId);
    // A reuse detected while we were rotating revoked the family after its query may have missed
    // `next`; the marker it wrote first tells us, and `next` is revoked with the rest.
    if (await this.tokens.wasFamilyRevoked(familyId)) {
      await this.tokens.revokeFamily(familyId);
      throw invalidRefresh();
    }
    return this.buildSession(user, next);
  }

  /** Sign out: the whole family of the presented token, so no rotated successor survives. */
  async revokeSession(token: string): Promise<void> {
    const familyId = await this.tokens.familyOf(token);
    if (familyId) await this.tokens.revokeFamily(familyId);
  }

  private async rejectReuse(familyId: string, userId: string): Promise<never> {
    await this.tokens.revokeFamily(familyId);
    // A stolen token or a client that refreshed twice in parallel: worth an operator's eye either way.
    this.deps.logger.warn({ userId, familyId }, 'refresh token reuse detected; family revoked');
    throw reusedRefresh();
  }

  private buildSession(user: User, refresh: IssuedRefreshToken): LoginResponse {
    const accessToken = signAccessToken({ id: user.id, role: user.role, siteIds: user.siteIds }, this.deps.config.JWT_SECRET, this.deps.clock.now());
    return { accessToken, refreshToken: refresh.token, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user };
  }
}
