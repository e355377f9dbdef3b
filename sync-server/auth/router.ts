import { type Request, type Response, Router } from 'express';
import type { z } from 'zod';
import type { User } from '@shared/schemas/user';
import { type LoginResponse, LoginBodySchema, RefreshBodySchema } from '@shared/sync/auth-protocol';
import type { AppDeps } from '../app-deps';
import { AppError, unauthorized } from '../errors';
import { principalOf, requireAuth } from '../middlewares/require-auth';
import { validate } from '../middlewares/validate';
import { readUserStanding } from './active-user';
import { accountInactive, AuthService, invalidCredentials } from './auth-service';
import { clearRefreshCookie, presentedRefreshToken, setRefreshCookie } from './cookies';
import { LoginThrottle } from './login-throttle';

type LoginBody = z.infer<typeof LoginBodySchema>;
type RefreshBody = z.infer<typeof RefreshBodySchema>;

/** Browsers refresh and sign out with the cookie and no body at all. */
const OptionalRefreshBodySchema = RefreshBodySchema.default({});

/**
 * `/api/auth`: login, refresh, logout, me (DESIGN.md "Sync protocol"). Passwords and tokens are
 * never logged; the logger also redacts them should a body ever be logged.
 */
export function createAuthRouter(deps: AppDeps) {
  const router = Router();
  const auth = new AuthService(deps);
  const throttle = new LoginThrottle();

  router.post('/login', validate('body', LoginBodySchema), async (req, res) => {
    const { username, password }: LoginBody = res.locals.body;
    const user = await attemptLogin(auth, throttle, res, { username, password, ip: clientIp(req) });
    sendSession(res, await auth.startSession(user));
  });

  router.post('/refresh', validate('body', OptionalRefreshBodySchema), async (req, res) => {
    const body: RefreshBody = res.locals.body;
    const presented = presentedRefreshToken(req, body);
    if (!presented) throw unauthorized('No refresh token: send the refresh cookie or {refreshToken}');
    try {
      sendSession(res, await auth.refresh(presented.token));
    } catch (error) {
      // A dead cookie would only be sent again and again: tell the browser to drop it.
      if (presented.from === 'cookie' && error instanceof AppError && error.status === 401) clearRefreshCookie(res);
      throw error;
    }
  });

  // Idempotent: an unknown, expired or missing token still ends in 204 and a cleared cookie.
  router.post('/logout', validate('body', OptionalRefreshBodySchema), async (req, res) => {
    const body: RefreshBody = res.locals.body;
    const presented = presentedRefreshToken(req, body);
    if (presented) await auth.revokeSession(presented.token);
    clearRefreshCookie(res);
    res.status(204).end();
  });

  router.get('/me', requireAuth(deps), async (_req, res) => {
    const standing = await readUserStanding(deps.store, principalOf(res).id, deps.logger);
    if (standing.status === 'inactive') throw accountInactive();
    if (standing.status !== 'active') throw unauthorized('This account no longer exists');
    res.set('Cache-Control', 'no-store').json(standing.user);
  });

  return router;
}

type LoginAttempt = { username: string; password: string; ip: string };

/**
 * Throttle first, so a blocked account is refused without its password being checked; then the
 * password. Every failure is the same 401, whether the user is unknown, inactive or the password wrong.
 */
async function attemptLogin(auth: AuthService, throttle: LoginThrottle, res: Response, attempt: LoginAttempt): Promise<User> {
  const { username, password, ip } = attempt;
  const verdict = await throttle.reserve(username, ip);
  if (!verdict.allowed) {
    res.set('Retry-After', String(verdict.retryAfterSeconds));
    throw new AppError(429, 'too_many_requests', `Too many failed sign-ins; try again in ${formatWait(verdict.retryAfterSeconds)}`);
  }
  let user: User | undefined;
  try {
    user = await auth.verifyCredentials(username, password);
  } catch (error) {
    // The store failed, not the user: this attempt must not count towards a lockout.
    await throttle.abandoned(username, ip);
    throw error;
  }
  if (!user) throw invalidCredentials();
  await throttle.succeeded(username, ip);
  return user;
}

/** Tokens in the body for every client, the refresh token also as the browser's HttpOnly cookie. */
function sendSession(res: Response, session: LoginResponse): void {
  setRefreshCookie(res, session.refreshToken);
  // Responses carrying credentials must never be stored by a cache (RFC 6749 §5.1).
  res.set('Cache-Control', 'no-store').json(session);
}

/** Behind a proxy this is the forwarded address only when TRUST_PROXY says so (see app.ts). */
function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function formatWait(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
