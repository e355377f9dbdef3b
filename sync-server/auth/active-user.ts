import { type User, UserSchema } from '@shared/schemas/user';
import type { Logger } from '../logger';
import type { Store } from '../store/store';

/**
 * Where an account stands: `active` may use the service; `inactive` was deactivated by an admin;
 * `unknown` has no readable directory entry (a deleted user's is a CouchDB tombstone). Only refresh (a caller who holds a valid
 * refresh token) and /me tell `inactive` apart; login answers every failure alike.
 */
export type UserStanding = { status: 'active'; user: User } | { status: 'inactive' } | { status: 'unknown' };

export async function readUserStanding(store: Store, userId: string, logger: Logger): Promise<UserStanding> {
  const stored = await store.get('users', userId);
  if (!stored) return { status: 'unknown' };
  const parsed = UserSchema.safeParse(stored.fields);
  if (!parsed.success) {
    // A corrupt directory entry must not let anyone in; say so, since the user cannot sign in.
    logger.error({ userId, issue: parsed.error.issues[0]?.message }, 'stored user document does not parse');
    return { status: 'unknown' };
  }
  const user = parsed.data;
  return user.active && !user._deleted ? { status: 'active', user } : { status: 'inactive' };
}

/**
 * The user's directory document, parsed, if the account may use the service right now: it exists,
 * is not deleted and is active. Login, refresh and /me all ask this, so deactivating a user in the
 * directory ends their sessions at the next refresh (within one access-token lifetime).
 */
export async function loadActiveUser(store: Store, userId: string, logger: Logger): Promise<User | undefined> {
  const standing = await readUserStanding(store, userId, logger);
  return standing.status === 'active' ? standing.user : undefined;
}
