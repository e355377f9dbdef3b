import { isDeepEqual } from '@shared/domain/doc-rules';
import type { Activity } from '@shared/schemas/misc';
import { ESCALATION_KINDS, type RuleSet } from '@shared/schemas/rules';
import { activityRecord } from '../services/audit';
import type { AccessMeta } from '../store/couch-docs';

/** The audit trail's name for the rules: one settings document, not a synced one. */
export const RULE_SET_SUBJECT = { type: 'ruleSet', id: 'rules' } as const;

/**
 * No reader keys: the entry reaches only the roles that read every activity (admins and
 * dispatchers, shared/domain/scope.ts), as the rules concern the desk and nobody else.
 */
export const RULE_SET_ACTIVITY_ACL: AccessMeta = { readers: [], formerReaders: [] };

/**
 * The audit entry of a rules change, as other admin changes are recorded (services/audit.ts): one
 * change per threshold's recipients and one for the assignment list, each before and after.
 * Undefined when nothing changed.
 */
export function buildRuleSetActivity(before: RuleSet, after: RuleSet, firstSave: boolean, actorId: string, at: string): Activity | undefined {
  const changes = [
    ...ESCALATION_KINDS.map((kind) => ({ field: `escalation.${kind}`, before: before.escalation[kind], after: after.escalation[kind] })),
    { field: 'assignment', before: before.assignment, after: after.assignment },
  ].filter((change) => !isDeepEqual(change.before, change.after));
  if (changes.length === 0) return undefined;
  return activityRecord({
    subjectType: RULE_SET_SUBJECT.type,
    subjectId: RULE_SET_SUBJECT.id,
    // The first save replaces the built-in defaults: the rules document is created.
    action: firstSave ? 'created' : 'updated',
    actorId,
    at,
    changes,
  });
}
