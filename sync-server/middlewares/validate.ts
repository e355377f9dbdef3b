import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { IdSchema } from '@shared/schemas/common';
import { formatPath } from '@shared/errors';
import { badRequest } from '../errors';

type Part = 'body' | 'query' | 'params' | 'headers';

/** Parse one part of the request with a zod schema; the first issue becomes a 400 naming the field. */
export function validate<S extends z.ZodType>(part: Part, schema: S) {
  return (req: Request, res: Response, next: NextFunction) => {
    const parsed = schema.safeParse(req[part]);
    if (!parsed.success) return next(zodToBadRequest(parsed.error, part));
    res.locals[part] = parsed.data;
    next();
  };
}

/** A document id from the URL (`/:id`), or a 400 naming `id`. */
export function parseIdParam(value: unknown): string {
  const parsed = IdSchema.safeParse(value);
  if (!parsed.success) throw badRequest(`id: ${parsed.error.issues[0]?.message}`, 'id');
  return parsed.data;
}

export function zodToBadRequest(error: z.ZodError, whole: string, prefix = '') {
  const issue = error.issues[0];
  const field = prefix + formatPath(issue?.path ?? []) || whole;
  return badRequest(`${field}: ${issue?.message ?? 'invalid'}`, field);
}
