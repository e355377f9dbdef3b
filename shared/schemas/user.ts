import { z } from 'zod';
import { baseDocFields, IdSchema, RoleSchema, shortText } from './common';

/** Directory data only: password hashes and refresh tokens live in the server's private auth store. */
export const UserSchema = z.object({
  ...baseDocFields,
  type: z.literal('user'),
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'lowercase letters, digits, . _ - (2–40)'),
  fullName: shortText(120),
  email: z.email(),
  role: RoleSchema,
  siteIds: z.array(IdSchema).max(200),
  skills: z.array(shortText(60)).max(50),
  active: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;
