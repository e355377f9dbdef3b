import type { Role } from '@shared/schemas/common';
import { NewUserInputSchema, type NewUserInput } from '@shared/sync/user-admin-protocol';
import { toChecked, type Checked } from './field-problems';

/** A new user as the admin types them: skills comma-separated. */
export type NewUserForm = { username: string; fullName: string; email: string; role: Role; siteIds: string[]; skills: string; password: string };

export const EMPTY_NEW_USER: NewUserForm = { username: '', fullName: '', email: '', role: 'engineer', siteIds: [], skills: '', password: '' };

/** Skills as an admin types them: comma-separated, trimmed, without blanks or repeats. */
export function parseSkills(text: string): string[] {
  return [...new Set(text.split(',').map((skill) => skill.trim()).filter(Boolean))];
}

/**
 * What the create-user endpoint is sent, or every problem with the form at once, checked with the
 * endpoint's own schema: the server would refuse the same, but one field per attempt and in zod's words.
 */
export function checkNewUser(form: NewUserForm): Checked<NewUserInput> {
  const input = { ...form, username: form.username.trim().toLowerCase(), fullName: form.fullName.trim(), email: form.email.trim(), skills: parseSkills(form.skills) };
  return toChecked(NewUserInputSchema.safeParse(input), {});
}
