import { UserSchema, type User } from '@shared/schemas/user';
import { PROFILE_KEY } from './profile-key';

/**
 * The signed-in user's directory profile, cached so the app can cold-start offline. Only the
 * profile: tokens are never written to storage. Read back through the schema (untrusted data).
 */
export function readCachedProfile(): User | undefined {
  const raw = localStorage.getItem(PROFILE_KEY);
  if (!raw) return undefined;
  try {
    const parsed = UserSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    console.warn('ignoring an unreadable cached profile', error);
    return undefined;
  }
}

export { cacheProfile, clearCachedProfile } from './profile-key';
