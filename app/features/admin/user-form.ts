import { HttpError, OfflineError } from '../../sync/errors';
import { LocalValidationError } from '../../db/writes';

export type FormProblem = { field: string; message: string };

/** Skills as an admin types them: comma-separated, trimmed, without blanks or repeats. */
export function parseSkills(text: string): string[] {
  return [...new Set(text.split(',').map((skill) => skill.trim()).filter(Boolean))];
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
export function describeAdminFailure(error: unknown): FormProblem {
  if (error instanceof OfflineError) return { field: 'form', message: 'This needs a connection: passwords are kept on the server only. Try again once online.' };
  if (error instanceof HttpError || error instanceof LocalValidationError) return { field: formFieldOf(error.field), message: error.message };
  return { field: 'form', message: error instanceof Error ? error.message : String(error) };
}
