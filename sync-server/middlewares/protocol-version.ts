import type { NextFunction, Request, Response } from 'express';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol';
import { AppError } from '../errors';

/** A client that announces an older protocol is refused with a reason it can show ("update the app"). */
export function requireProtocolVersion(req: Request, _res: Response, next: NextFunction) {
  const sent = req.headers[PROTOCOL_HEADER];
  if (sent === undefined) return next();
  const version = Number(sent);
  if (!Number.isInteger(version) || version < PROTOCOL_VERSION) {
    return next(new AppError(426, 'protocol_outdated', `This app speaks sync protocol ${sent}; the server needs ${PROTOCOL_VERSION}. Reload to update.`, PROTOCOL_HEADER));
  }
  next();
}
