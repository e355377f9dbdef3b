import type { z } from 'zod';

/**
 * A schema issue in words for the field it is shown beside, rather than zod's type language: the
 * app's forms and the server's file imports say the same things.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return 'Required.';
  if (issue.code === 'too_big' && issue.origin === 'string') return `At most ${String(issue.maximum)} characters.`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `At most ${String(issue.maximum)} entries.`;
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Enter a number.';
  // zod reports `.int()` as a type it expected ("int"), though the value is a number.
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'A whole number.';
  if (issue.code === 'too_small' && issue.origin === 'number') return `${issue.inclusive === false ? 'More than' : 'At least'} ${String(issue.minimum)}.`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `${issue.inclusive === false ? 'Less than' : 'At most'} ${String(issue.maximum)}.`;
  return issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + (issue.message.endsWith('.') ? '' : '.');
}

