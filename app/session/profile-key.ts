import type { User } from '@shared/schemas/user';

/**
 * Where the signed-in user's profile is cached (see profile-cache.ts, which parses it). Apart from
 * the parser so the first route can tell "someone is signed in on this device" without loading zod.
 */
export const PROFILE_KEY = 'fs.profile';

/** A profile is cached: the database layer is worth loading (it may still fail to parse). */
export function hasCachedProfile(): boolean {
  return localStorage.getItem(PROFILE_KEY) !== null;
}

/** The cached profile's role, unparsed: only a hint for what to preload, never for access. */
export function cachedRoleHint(): unknown {
  try {
    const profile: unknown = JSON.parse(localStorage.getItem(PROFILE_KEY) ?? 'null');
    return typeof profile === 'object' && profile !== null && 'role' in profile ? profile.role : undefined;
  } catch {
    // Unreadable: the session start parses it properly and says so.
    return undefined;
  }
}

/** Writing needs no parser: the first route caches a renewed profile without loading zod. */
export function cacheProfile(user: User): void {
  localStorage.setItem(PROFILE_KEY, JSON.stringify(user));
}

export function clearCachedProfile(): void {
  localStorage.removeItem(PROFILE_KEY);
}
