import type { z } from 'zod';
import { describeIssue } from '../../components/field-problems';
import { formFieldOf } from './user-form';

/** What is wrong with a form, per input: every invalid input at once, one message each. */
export type FieldProblems = Partial<Record<string, string>>;

/** A form checked into the document it describes, or the problems that stop it. */
export type Checked<D> = { ok: true; doc: D } | { ok: false; problems: FieldProblems };

type Issue = z.core.$ZodIssue;

/**
 * A schema's issues as problems next to the inputs they are about: the first issue of each input
 * (an admin fixes one thing at a time per field), in words rather than zod's type language.
 * `fieldOf` names the input of a document path (`location.lat` is the latitude input on a site).
 */
export function problemsFromIssues(issues: readonly Issue[], fieldOf: (path: readonly PropertyKey[]) => string = (path) => formFieldOf(path.map(String).join('.'))): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    problems[field] ??= describeIssue(issue);
  }
  return problems;
}

/** Problems found before the schema (a taken code, an unreadable number) go first: they say more. */
export function toChecked<D>(parsed: z.ZodSafeParseResult<D>, earlier: FieldProblems, fieldOf?: (path: readonly PropertyKey[]) => string): Checked<D> {
  const problems = { ...(parsed.success ? {} : problemsFromIssues(parsed.error.issues, fieldOf)), ...definedOnly(earlier) };
  if (parsed.success && Object.keys(problems).length === 0) return { ok: true, doc: parsed.data };
  return { ok: false, problems };
}

function definedOnly(problems: FieldProblems): FieldProblems {
  return Object.fromEntries(Object.entries(problems).filter(([, message]) => message !== undefined));
}
