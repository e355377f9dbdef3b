import type { z } from 'zod';
import { describeIssue } from '@shared/schemas/issue-words';
import { LocalValidationError } from '../../db/writes';
import { HttpError, OfflineError } from '../../sync/errors';
import { errorOutside } from '../work-orders/useWorkOrderAction';

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

/** The form input a server's or a schema's field path is about: `siteIds[1]` and `siteIds.1` are the sites. */
export function formFieldOf(path: string | undefined): string {
  return path?.split(/[.[]/)[0] || 'form';
}

/**
 * What a failed admin action tells the admin, next to the input it is about. Adding a user and
 * setting a password go to the server (passwords never reach a device), so offline they wait for
 * the connection rather than queue.
 */
export function describeAdminFailure(error: unknown): { field: string; message: string } {
  if (error instanceof OfflineError) return { field: 'form', message: 'This needs a connection: passwords are kept on the server only. Try again once online.' };
  if (error instanceof HttpError || error instanceof LocalValidationError) return { field: formFieldOf(error.field), message: error.message };
  return { field: 'form', message: error instanceof Error ? error.message : String(error) };
}

/**
 * A failed submit's problems beside the form's `inputs`: every one a local write's check found, or
 * the server's one. A problem about none of them shows at the form's foot naming its field, so a
 * refusal is never lost for want of an input to show it under.
 */
export function problemsOfFailure(error: unknown, inputs: readonly string[]): FieldProblems {
  const found = error instanceof LocalValidationError ? error.problems : [describeAdminFailure(error)];
  const problems: FieldProblems = {};
  for (const { field, message } of found) {
    const input = formFieldOf(field);
    if (inputs.includes(input)) problems[input] ??= message;
    else problems.form ??= input === 'form' ? message : errorOutside({ field, message }, inputs);
  }
  return problems;
}
