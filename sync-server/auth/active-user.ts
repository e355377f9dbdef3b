import { type User, UserSchema } from '@shared/schemas/user';
import type { Logger } from '../logger';
import type { Store } from '../store/store';

/**
 * The user's directory document, parsed, if the account may use the service right now: it exists,
 * is not deleted and is active. Login, refresh and /me all ask this, so deactivating a user in the
 * directory ends their sessions at the next refresh (within one access-token lifetime).
 */
export async function loadActiveUser(store: Store, userId: string, logger: Logger): Promise<User | undefined> {
  const stored = await store.get('users', userId);
  if (!stored) return undefined;
  const parsed = UserSchema.safeParse(stored.fields);
  if (!parsed.success) {
    // A corrupt directory entry must not let anyone in; say so, since the user cannot sign in.
    logger.error({ userId, issue: parsed.error.issues[0]?.message }, 'stored user document does not parse');
    return undefined;
  }
  const user = parsed.data;
  return user.active && !user._deleted ? user : undefined;
}
