import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';
import type { Logger } from '../logger';

type HttpParserError = { type?: string; status?: number; limit?: number };

/** Turn body-parser's own failures into our error type, so every reply has the one JSON shape. */
function fromBodyParser(error: HttpParserError): AppError | undefined {
  if (error.type === 'entity.parse.failed') return new AppError(400, 'malformed_json', 'The request body is not valid JSON', 'body');
  if (error.type === 'entity.too.large') {
    return new AppError(413, 'payload_too_large', `The request body is larger than ${error.limit} bytes`, 'body');
  }
  if (error.type && error.status && error.status < 500) return new AppError(error.status, 'validation_failed', String(error.type), 'body');
  return undefined;
}

/** The one terminal error middleware: AppError → its status and body; anything else → 500, logged. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const appError = error instanceof AppError ? error : fromBodyParser(error as HttpParserError);
    if (appError) {
      if (appError.status >= 500) logger.error({ err: appError.cause ?? appError, url: req.originalUrl }, appError.message);
      return res.status(appError.status).json(appError.toBody());
    }
    logger.error({ err: error, url: req.originalUrl }, 'unhandled error');
    res.status(500).json({ error: 'internal', message: 'Internal server error' });
  };
}

export function notFoundHandler(req: Request, res: Response) {
  res.status(404).json({ error: 'not_found', message: `No route for ${req.method} ${req.path}` });
}
