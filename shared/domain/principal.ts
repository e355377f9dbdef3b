import type { User } from '../schemas/user';

/** Who is acting: the part of a user that access decisions depend on (carried in the access token). */
export type Principal = Pick<User, 'id' | 'role' | 'siteIds'>;
