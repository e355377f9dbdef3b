import { createHash } from 'node:crypto';
import { ASSIGNMENT_RULE_CHANGE, type AssignmentChoice } from '@shared/domain/rules/assignment-rules';
import { RULES_ACTOR_ID } from '@shared/domain/system-actors';
import type { Activity } from '@shared/schemas/misc';
import type { Ticket } from '@shared/schemas/ticket';
import { buildActivity } from '../services/audit';

/** The ticket as its author pushed it, with the server's numbering and SLA: what the "created" entry records. */
export function asPushed(assigned: Ticket, pushed: Ticket): Ticket {
  const before: Ticket = { ...assigned, status: pushed.status };
  delete before.assigneeId;
  return before;
}

/**
 * The audit entry of a rule's assignment: who (the assignment rules) changed what (assignee and
 * status), and which rule did, by name. Its id is derived from the ticket's: lower-case, it sorts
 * after the author's "created" entry of the same instant (ULIDs are upper case), so the timeline
 * reads created, then assigned.
 */
export function buildRuleAssignmentActivity(pushed: Ticket, assigned: Ticket, choice: AssignmentChoice, at: string): Activity {
  const activity = buildActivity('tickets', pushed, assigned, RULES_ACTOR_ID, at);
  const score = choice.score === undefined ? [] : [{ field: 'assignmentScore', after: choice.score }];
  return {
    ...activity,
    id: `act-rule-${createHash('sha256').update(assigned.id).digest('hex').slice(0, 40)}`,
    changes: [...activity.changes, { field: ASSIGNMENT_RULE_CHANGE, after: choice.rule.name }, ...score],
  };
}
