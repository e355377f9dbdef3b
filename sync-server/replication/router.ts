import { Router } from 'express';
import { CollectionNameSchema, type CollectionName } from '@shared/schemas/collections';
import { DEVICE_HEADER, PullQuerySchema, PushBodySchema, PushHeadersSchema } from '@shared/sync/protocol';
import type { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors';
import { principalOf, requireAuth, tokenExpiryOf } from '../middlewares/require-auth';
import { validate } from '../middlewares/validate';
import { NumberAllocator } from '../services/numbering';
import { PushService } from '../services/push-service';
import { pullPage } from './pull';
import { pullBody } from './pull-body';
import { openChangeStream } from './stream';

/** RxDB-style replication endpoints: `/:collection/pull`, `/:collection/push`, and `/stream`. */
export function createSyncRouter(deps: AppDeps) {
  const router = Router();
  const pushService = new PushService(deps, new NumberAllocator(deps.store));
  router.use(requireAuth(deps));
  // A user's documents never sit in a browser's or a proxy's HTTP cache (a shared device, a sign-out).
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/stream', (_req, res, next) => {
    openChangeStream(deps, { principal: principalOf(res), expiresAt: tokenExpiryOf(res) }, res).catch(next);
  });

  // An unknown collection is a 404 before anything else about the request is looked at.
  router.use('/:collection', (req, res, next) => {
    res.locals.collection = collectionParam(req.params.collection);
    next();
  });

  router.get('/:collection/pull', validate('query', PullQuerySchema), async (_req, res) => {
    const query = res.locals.query as z.infer<typeof PullQuerySchema>;
    const collection = res.locals.collection as CollectionName;
    const page = await pullPage(deps, principalOf(res), collection, query.checkpoint, query.limit);
    // Written, not `res.json`: no ETag hashed over a page of a thousand documents (nothing
    // revalidates a pull: the next one asks from a new checkpoint).
    res.type('json').end(pullBody(page));
  });

  router.post('/:collection/push', validate('headers', PushHeadersSchema), validate('body', PushBodySchema), async (_req, res) => {
    const rows = res.locals.body as z.infer<typeof PushBodySchema>;
    const collection = res.locals.collection as CollectionName;
    const device = (res.locals.headers as z.infer<typeof PushHeadersSchema>)[DEVICE_HEADER];
    res.json(await pushService.push(principalOf(res), collection, rows, device));
  });

  return router;
}

function collectionParam(value: string | undefined): CollectionName {
  const parsed = CollectionNameSchema.safeParse(value);
  if (!parsed.success) throw new AppError(404, 'unknown_collection', `There is no collection named ${value}`, 'collection');
  return parsed.data;
}
