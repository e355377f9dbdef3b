import { useEffect, useState } from 'react';
import type { User } from '@shared/schemas/user';
import type { ApiClient } from '../sync/api-client';
import { cacheProfile } from './profile-key';

/** Whether the server's user has other access than the session was opened with: another role, or other sites. */
export function accessChanged(session: Pick<User, 'role' | 'siteIds'>, current: Pick<User, 'role' | 'siteIds'>): boolean {
  const sites = (user: Pick<User, 'siteIds'>) => [...user.siteIds].sort().join(',');
  return session.role !== current.role || sites(session) !== sites(current);
}

/**
 * The user as renewed tokens describe them, once their access differs from the session's. The
 * screens, the merge rules and the local scope were chosen for the session's access, so the app
 * offers a reload; each renewed profile is cached at once, so the next start uses it either way.
 */
export function useChangedAccess(api: ApiClient, sessionUser: User): User | undefined {
  const [changed, setChanged] = useState<User>();
  useEffect(
    () =>
      api.onRenewed((user) => {
        // Cached either way, so a change reverted before the reload leaves the right profile.
        cacheProfile(user);
        setChanged(accessChanged(sessionUser, user) ? user : undefined);
      }),
    [api, sessionUser],
  );
  return changed;
}
