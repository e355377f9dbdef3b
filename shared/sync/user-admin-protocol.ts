import { z } from 'zod';
import { IdSchema } from '../schemas/common';
import { UserSchema } from '../schemas/user';

/** A password an admin sets: long enough to resist guessing, as the login throttle assumes. */
export const NewPasswordSchema = z.string().min(8, 'at least 8 characters').max(200, 'at most 200 characters');

/** What an admin sends to add a user: the directory data and a first password; the server sets the rest. */
export const NewUserInputSchema = UserSchema.pick({ username: true, fullName: true, email: true, role: true, siteIds: true, skills: true }).extend({
  id: IdSchema.optional(),
  password: NewPasswordSchema,
});
export type NewUserInput = z.infer<typeof NewUserInputSchema>;

export const PasswordResetSchema = z.object({ password: NewPasswordSchema });
export type PasswordReset = z.infer<typeof PasswordResetSchema>;

export const USERS_ADMIN_PATH = '/api/admin/users';
