import { Router } from 'express';
import { isDeepEqual } from '@shared/domain/doc-rules';
import { RuleSetUpdateSchema, type RuleSetResponse, type RuleSetUpdate } from '@shared/sync/rules-admin-protocol';
import type { AppDeps } from '../app-deps';
import { forbidden } from '../errors';
import { principalOf, requireAuth } from '../middlewares/require-auth';
import { validate } from '../middlewares/validate';
import { buildRuleSetActivity, RULE_SET_ACTIVITY_ACL } from './rule-set-activity';
import { checkRuleSetReferences } from './rule-set-references';
import { readRuleSet, staleRevision, writeRuleSet, type StoredRuleSet } from './rule-set-store';

/**
 * `/api/admin/rules` (admins only): the escalation and assignment rules as one document. `GET`
 * answers them with their revision; `PUT` replaces them whole from the revision the admin's edit
 * started from (a stale one is a 409), after the schema and the references it names are checked
 * (a 400 naming the field, with nothing stored). Every change is recorded in the audit trail.
 */
export function createRulesAdminRouter(deps: AppDeps) {
  const router = Router();
  router.use(requireAuth(deps), (_req, res, next) => {
    next(principalOf(res).role === 'admin' ? undefined : forbidden('only admins manage the escalation and assignment rules'));
  });

  router.get('/', async (_req, res) => {
    res.json(toResponse(await readRuleSet(deps.store, deps.logger)));
  });

  router.put('/', validate('body', RuleSetUpdateSchema), async (_req, res) => {
    const { revision, ...ruleSet } = res.locals.body as RuleSetUpdate;
    await checkRuleSetReferences(deps, ruleSet);
    const current = await readRuleSet(deps.store, deps.logger);
    if (current.revision !== revision) throw staleRevision();
    // Saving what is already in force changes nothing, and says so with the same revision.
    if (current.revision && isDeepEqual(current.ruleSet, ruleSet)) return res.json(toResponse(current));
    const actorId = principalOf(res).id;
    const at = deps.clock.now().toISOString();
    const saved = await writeRuleSet(deps.store, ruleSet, revision, { actorId, at });
    const activity = buildRuleSetActivity(current.ruleSet, ruleSet, current.revision === null, actorId, at);
    if (activity) await deps.store.bulkPut('activities', [{ doc: activity, acl: RULE_SET_ACTIVITY_ACL }]);
    res.json(toResponse(saved));
  });

  return router;
}

function toResponse({ ruleSet, revision, updatedAt, updatedBy }: StoredRuleSet): RuleSetResponse {
  return { ...ruleSet, revision, ...(updatedAt ? { updatedAt } : {}), ...(updatedBy ? { updatedBy } : {}) };
}
