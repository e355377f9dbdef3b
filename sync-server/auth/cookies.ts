import type { CookieOptions, Request, Response } from 'express';
import { REFRESH_COOKIE } from '@shared/sync/auth-protocol';
import { REFRESH_TOKEN_TTL_SECONDS } from './refresh-tokens';

/**
 * HttpOnly: page scripts (and so XSS) cannot read it. Secure: never sent over plain HTTP (browsers
 * treat http://localhost as secure, so development works). SameSite=Strict: no cross-site request
 * carries it. Path: only the auth endpoints ever receive it, never sync or the app shell.
 */
const REFRESH_COOKIE_OPTIONS: CookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/api/auth' };

/** Longer than any token we issue; anything longer in a cookie is not ours. */
const MAX_TOKEN_LENGTH = 200;

export function setRefreshCookie(res: Response, token: string): void {
  res.cookie(REFRESH_COOKIE, token, { ...REFRESH_COOKIE_OPTIONS, maxAge: REFRESH_TOKEN_TTL_SECONDS * 1000 });
}

/** Browsers only drop a cookie whose name, path and flags match the one they stored. */
export function clearRefreshCookie(res: Response): void {
  res.clearCookie(REFRESH_COOKIE, REFRESH_COOKIE_OPTIONS);
}

export type PresentedToken = { token: string; from: 'body' | 'cookie' };

/** The refresh token a client presented: the body's (non-browser clients) wins over the cookie (browsers). */
export function presentedRefreshToken(req: Request, body: { refreshToken?: string }): PresentedToken | undefined {
  if (body.refreshToken) return { token: body.refreshToken, from: 'body' };
  // cookie-parser fills req.cookies from an untrusted header: check the value before use.
  const value: unknown = req.cookies?.[REFRESH_COOKIE];
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TOKEN_LENGTH) return undefined;
  return { token: value, from: 'cookie' };
}
