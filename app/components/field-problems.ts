import type { z } from 'zod';
import { describeIssue } from '@shared/schemas/issue-words';

/**
 * A form's problems, one per field, so a single submit says everything that needs fixing instead of
 * one field per attempt. Errors from the form's own checks (InputError) and from the shared schema
 * (LocalValidationError) both carry them.
 */
export type FieldProblem = { field: string; message: string };

/** The first problem of each field, in the order found (a schema can report a field twice). */
export function firstPerField(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => !seen.has(problem.field) && (seen.add(problem.field), true));
}

/** The message for one field (or a nested one: `location` covers `location.lat`), if any. */
export function problemFor(problems: readonly FieldProblem[] | undefined, field: string): string | undefined {
  return problems?.find((problem) => problem.field === field || problem.field.startsWith(`${field}.`))?.message;
}

/**
 * The attributes tying an input to the FieldError under it: invalid, and described by the message,
 * only while there is one (so a screen reader does not announce an empty description).
 */
export function markInvalid(errorId: string, message: string | undefined): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return message ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
}

/** A schema's issues as problems in words, the first of each field (named by its dotted path). */
export function problemsOfIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return firstPerField(issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: describeIssue(issue) })));
}
