import { Router } from 'express';
import { ulid } from 'ulid';
import { type SlaPolicy, SlaPolicySchema } from '@shared/schemas/misc';
import { type SlaPolicyInput, SlaPolicyInputSchema } from '@shared/sync/sla-admin-protocol';
import type { AppDeps } from '../app-deps';
import { AppError, forbidden, notFound } from '../errors';
import { principalOf, requireAuth } from '../middlewares/require-auth';
import { parseIdParam, validate } from '../middlewares/validate';
import { parseStoredDoc } from '../replication/visibility';
import { writeAudited } from '../services/admin-write';
import { recomputeOpenTickets } from './recompute';

/**
 * `/api/admin/sla-policies`: list, create, replace and delete SLA policies (admins only). A change
 * recomputes the due times of the open tickets under the policy before the reply; the change is
 * audited like any other write, and reaches devices through replication.
 */
export function createSlaPolicyRouter(deps: AppDeps) {
  const router = Router();
  router.use(requireAuth(deps), (_req, res, next) => {
    next(principalOf(res).role === 'admin' ? undefined : forbidden('only admins manage SLA policies'));
  });

  router.get('/', async (_req, res) => {
    const stored = await deps.store.find('slaPolicies', { type: 'slaPolicy' }, 1000);
    res.json(stored.flatMap((entry) => parseStoredDoc('slaPolicies', entry.fields, deps.logger) ?? []).filter((policy) => !policy._deleted));
  });

  router.get('/:id', async (req, res) => {
    res.json((await current(deps, parseIdParam(req.params.id))).policy);
  });

  router.post('/', validate('body', SlaPolicyInputSchema), async (_req, res) => {
    const input = res.locals.body as SlaPolicyInput;
    const id = input.id ?? ulid();
    if (await deps.store.get('slaPolicies', id)) throw new AppError(409, 'conflict', `SLA policy ${id} already exists`, 'id');
    res.status(201).json(await save(deps, principalOf(res).id, id, input));
  });

  router.put('/:id', validate('body', SlaPolicyInputSchema), async (req, res) => {
    const id = parseIdParam(req.params.id);
    const existing = await current(deps, id);
    res.json(await save(deps, principalOf(res).id, id, res.locals.body as SlaPolicyInput, existing));
  });

  router.delete('/:id', async (req, res) => {
    const id = parseIdParam(req.params.id);
    const existing = await current(deps, id);
    const inUse = await deps.store.find('tickets', { slaPolicyId: id, status: { $in: ['new', 'assigned', 'in_progress', 'on_hold', 'resolved'] } }, 1);
    if (inUse.length > 0) throw new AppError(409, 'conflict', 'open tickets use this SLA policy; move them to another policy first', 'id');
    const deleted: SlaPolicy = { ...existing.policy, _deleted: true, updatedAt: deps.clock.now().toISOString() };
    await write(deps, principalOf(res).id, existing.policy, deleted, existing.rev);
    res.status(204).end();
  });

  return router;
}

async function current(deps: AppDeps, id: string): Promise<{ policy: SlaPolicy; rev: string }> {
  const stored = await deps.store.get('slaPolicies', id);
  const policy = stored && (parseStoredDoc('slaPolicies', stored.fields, deps.logger) as SlaPolicy | undefined);
  if (!stored || !policy || policy._deleted) throw notFound(`There is no SLA policy ${id}`);
  return { policy, rev: stored.rev };
}

async function save(deps: AppDeps, actorId: string, id: string, input: SlaPolicyInput, existing?: { policy: SlaPolicy; rev: string }): Promise<SlaPolicy> {
  const now = deps.clock.now().toISOString();
  const { id: _ignored, ...fields } = input;
  void _ignored;
  const policy = SlaPolicySchema.parse({ ...fields, id, type: 'slaPolicy', createdAt: existing?.policy.createdAt ?? now, updatedAt: now, _deleted: false });
  await write(deps, actorId, existing?.policy, policy, existing?.rev);
  await recomputeOpenTickets(deps, { slaPolicyId: id });
  return policy;
}

function write(deps: AppDeps, actorId: string, before: SlaPolicy | undefined, after: SlaPolicy, rev: string | undefined): Promise<void> {
  return writeAudited(deps, 'slaPolicies', { actorId, before, after, rev, noun: 'SLA policy' });
}
