import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '@shared/domain/principal';
import { verifyAccessToken } from '../auth/access-token';
import type { Clock } from '../clock';
import { unauthorized } from '../errors';

/** Requires `Authorization: Bearer <access token>` and puts the principal and the token's expiry in res.locals. */
export function requireAuth(secret: string, clock: Clock) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match?.[1]) return next(unauthorized('Send Authorization: Bearer <access token>'));
    try {
      const verified = verifyAccessToken(match[1], secret, clock.now());
      res.locals.principal = verified.principal;
      res.locals.tokenExpiresAt = verified.expiresAt;
      next();
    } catch (error) {
      next(error);
    }
  };
}

export function principalOf(res: Response): Principal {
  const principal: unknown = res.locals.principal;
  if (!principal) throw unauthorized();
  return principal as Principal;
}

/** When the request's access token expires. */
export function tokenExpiryOf(res: Response): Date {
  const expiresAt: unknown = res.locals.tokenExpiresAt;
  if (!(expiresAt instanceof Date)) throw unauthorized();
  return expiresAt;
}
