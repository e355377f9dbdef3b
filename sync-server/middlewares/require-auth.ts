import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '@shared/domain/principal';
import { verifyAccessToken } from '../auth/access-token';
import type { AppDeps } from '../app-deps';
import { unauthorized } from '../errors';

/**
 * Requires `Authorization: Bearer <access token>` and puts the principal and the token's expiry in
 * res.locals. A token issued before the user's role, sites or active flag changed is refused like
 * an expired one: the app renews it through the refresh cookie, which reads the user afresh.
 */
export function requireAuth({ config, clock, principals }: Pick<AppDeps, 'config' | 'clock' | 'principals'>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match?.[1]) return next(unauthorized('Send Authorization: Bearer <access token>'));
    try {
      const verified = verifyAccessToken(match[1], config.JWT_SECRET, clock.now());
      if (!(await principals.check(verified.principal))) return next(unauthorized('Your access has changed since this token was issued; renew it'));
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
