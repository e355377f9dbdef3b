import { ulid } from 'ulid';
import type { z } from 'zod';
import type { ThresholdKind } from '@shared/domain/sla/thresholds';
import { RuleSetSchema, type AssignmentRule, type RecipientGroup, type RuleSet } from '@shared/schemas/rules';
import { formatPath } from '@shared/errors';
import { describeIssue } from '@shared/schemas/issue-words';
import { HttpError, OfflineError } from '../../sync/errors';

/**
 * The rules screen's pure parts: problems by the field path the server names them with
 * (`assignment[2].name`, `escalation.breach.userIds[0]`), so the server's 400 and the form's own
 * check land beside the same input; and the edits of the ordered assignment list.
 */
export type RuleProblems = Readonly<Record<string, string>>;

export const THRESHOLD_LABELS: Record<ThresholdKind, string> = {
  warn50: 'Half a target’s time used (warning)',
  warn75: '75% of a target’s time used (warning)',
  breach: 'Target missed (breach, escalation level 1)',
  escalate2: 'A day past the breach (escalation level 2)',
};

export const GROUP_LABELS: Record<RecipientGroup, string> = {
  assignee: 'The assignee',
  dispatchers: 'Dispatchers',
  site_managers: 'The site’s managers',
  admins: 'Admins',
};

/** Every problem the schema finds in the rules, the first per field, in words; empty when there is none. */
export function checkRuleSet(ruleSet: RuleSet): RuleProblems {
  const parsed = RuleSetSchema.safeParse(ruleSet);
  return parsed.success ? {} : problemsOfIssues(parsed.error.issues);
}

function problemsOfIssues(issues: readonly z.core.$ZodIssue[]): RuleProblems {
  const problems: Record<string, string> = {};
  for (const issue of issues) problems[formatPath(issue.path) || 'form'] ??= describeIssue(issue);
  return problems;
}

/**
 * What a failed save says, by field. Offline the rules cannot be saved (they live on the server
 * only) and the edits stay in the form; a 409 is not a problem of any field and has its own notice.
 */
export function problemsOfSaveFailure(error: unknown): RuleProblems {
  if (error instanceof OfflineError) return { form: 'You are offline: the rules are kept on the server, so saving needs a connection. Your edits stay here; save again once online.' };
  if (error instanceof HttpError && error.field) return { [error.field]: withoutFieldPrefix(error.message, error.field) };
  return { form: error instanceof Error ? error.message : String(error) };
}

/** The server names the field at the start of its message; beside the input that is said already. */
function withoutFieldPrefix(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/** The problem of exactly this field, or of something inside it (`…match.siteIds` covers `…match.siteIds[1]`). */
export function problemAt(problems: RuleProblems, field: string): string | undefined {
  const key = Object.keys(problems).find((candidate) => isWithin(candidate, field));
  return key === undefined ? undefined : problems[key];
}

/** Problems under `prefix` that none of `shown` covers: said at the foot of the part of the form they belong to. */
export function problemsElsewhere(problems: RuleProblems, prefix: string, shown: readonly string[]): string[] {
  return Object.entries(problems)
    .filter(([field]) => isWithin(field, prefix) && !shown.some((covered) => isWithin(field, covered)))
    .map(([field, message]) => `${field.slice(prefix.length).replace(/^\./, '') || 'this'}: ${message}`);
}

function isWithin(field: string, prefix: string): boolean {
  return prefix === '' || field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`);
}

/** A new rule for the end of the list: matches every ticket and ranks engineers until the admin says otherwise. */
export function newAssignmentRule(id: string = ulid()): AssignmentRule {
  return { id, name: '', enabled: true, match: { categories: [], siteIds: [], priorities: [] }, action: { kind: 'best_ranked' } };
}

/** The list with the rule at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveRule(rules: readonly AssignmentRule[], index: number, by: -1 | 1): AssignmentRule[] {
  const target = index + by;
  if (index < 0 || index >= rules.length || target < 0 || target >= rules.length) return [...rules];
  const moved = [...rules];
  [moved[index], moved[target]] = [moved[target] as AssignmentRule, moved[index] as AssignmentRule];
  return moved;
}

/** A list with `value` in or out, in the order of `all` (checkbox groups keep a stable order). */
export function toggled<T>(all: readonly T[], selected: readonly T[], value: T, on: boolean): T[] {
  return all.filter((entry) => (entry === value ? on : selected.includes(entry)));
}

/** The minimum score as typed: blank is none; anything else a number (NaN for text, which the schema names). */
export function readMinScore(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}
