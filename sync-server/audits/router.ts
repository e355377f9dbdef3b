import { Router } from 'express';
import { AuditBodySchema, AuditParamsSchema, type AuditBody } from '@shared/schemas/audit';
import type { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { principalOf, requireAuth } from '../middlewares/require-auth';
import { validate } from '../middlewares/validate';
import { AuditService } from './audit-service';

type Params = z.infer<typeof AuditParamsSchema>;

/** `PUT /api/audits/:id` stores an asset audit sent by a device; `GET /api/audits/:id` reads it back. */
export function createAuditsRouter(deps: AppDeps) {
  const router = Router();
  const service = new AuditService(deps);
  router.use(requireAuth(deps));

  router.get('/:id', validate('params', AuditParamsSchema), async (_req, res) => {
    const { id } = res.locals.params as Params;
    res.json(await service.get(principalOf(res), id));
  });

  router.put('/:id', validate('params', AuditParamsSchema), validate('body', AuditBodySchema), async (_req, res) => {
    const { id } = res.locals.params as Params;
    const { record, created } = await service.put(principalOf(res), id, res.locals.body as AuditBody);
    res.status(created ? 201 : 200).json(record);
  });

  return router;
}
