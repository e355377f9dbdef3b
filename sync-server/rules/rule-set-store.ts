import { DEFAULT_RULE_SET } from '@shared/domain/rules/defaults';
import { RuleSetSchema, type RuleSet } from '@shared/schemas/rules';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { Store } from '../store/store';
import { RevisionConflictError } from '../store/store-errors';

/** The one settings document that holds the rules, in the server's private `settings` database. */
const RULES_DOC_ID = 'rules';

/** The rules in force; `revision` is the store's (CouchDB `_rev`), null while the defaults apply. */
export type StoredRuleSet = { ruleSet: RuleSet; revision: string | null; updatedAt?: string; updatedBy?: string };

/**
 * The rules as stored, or the defaults when none were saved. A stored document that no longer
 * parses (edited by hand in the store) is logged as an error and the defaults apply — the SLA
 * checker and pushes keep working — with its revision, so an admin's next save replaces it.
 */
export async function readRuleSet(store: Store, logger: Logger): Promise<StoredRuleSet> {
  const stored = await store.getPrivate('settings', RULES_DOC_ID);
  if (!stored) return { ruleSet: DEFAULT_RULE_SET, revision: null };
  const revision = stored._rev ?? null;
  const parsed = RuleSetSchema.safeParse(stored);
  if (!parsed.success) {
    logger.error({ issues: parsed.error.issues.slice(0, 3), revision }, 'stored rules are unreadable; the default rules apply until an admin saves new ones');
    return { ruleSet: DEFAULT_RULE_SET, revision };
  }
  const updatedAt = typeof stored.updatedAt === 'string' ? stored.updatedAt : undefined;
  const updatedBy = typeof stored.updatedBy === 'string' ? stored.updatedBy : undefined;
  return { ruleSet: parsed.data, revision, ...(updatedAt ? { updatedAt } : {}), ...(updatedBy ? { updatedBy } : {}) };
}

/**
 * Stores the rules if `revision` is still the current one. CouchDB's MVCC decides, so of two
 * admins (or two server instances) saving from the same revision exactly one wins; the other gets
 * a 409 naming `revision`, and nothing of theirs is written.
 */
export async function writeRuleSet(store: Store, ruleSet: RuleSet, revision: string | null, change: { actorId: string; at: string }): Promise<StoredRuleSet> {
  const doc = { _id: RULES_DOC_ID, ...(revision ? { _rev: revision } : {}), ...ruleSet, updatedAt: change.at, updatedBy: change.actorId };
  try {
    const written = await store.putPrivate('settings', doc);
    return { ruleSet, revision: written, updatedAt: change.at, updatedBy: change.actorId };
  } catch (error) {
    if (error instanceof RevisionConflictError) throw staleRevision();
    throw error;
  }
}

/** A save from a revision that is no longer current: another admin's change is never overwritten unseen. */
export const staleRevision = () => new AppError(409, 'conflict', 'The rules were changed by someone else since you opened them; load them again and redo your change', 'revision');
