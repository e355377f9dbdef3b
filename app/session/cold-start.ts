import type { User } from '@shared/schemas/user';
import type { ApiClient } from '../sync/api-client';
import { preloadHome } from '../features/home/home-screens';
import { cachedRoleHint, hasCachedProfile } from './profile-key';
import type { Session } from './session';

export type ColdStart =
  | { kind: 'signed-in'; session: Session }
  | { kind: 'signed-out' }
  | { kind: 'failed'; message: string }
  /** The server said this account is deactivated: its data stays shut (app/session/account-lock.ts). */
  | { kind: 'locked'; user: User };

/**
 * The database layer (RxDB, Dexie, the zod schemas) is a chunk of its own, loaded once someone is
 * signed in or signing in: the sign-in screen needs none of it (see docs/decisions.md).
 */
export const loadSessionModule = () => import('./session');

/**
 * The sign-in form is showing: load the database layer and the signed-in frame while the user
 * types, so signing in waits only for the network and the database open (not in the first route:
 * the form shows first). The home screen follows once the login response names the role.
 */
export function preloadForSignIn(): void {
  loadSessionModule().catch((error: unknown) => console.warn('preloading the database layer failed', error));
  preloadHome(undefined);
}

let started: Promise<ColdStart> | undefined;

/**
 * Opens the cached profile's session (works offline). Called as the app loads, before React's first
 * render, so the database chunk, the home screen's chunk and the database open all start at once.
 * Settles, never rejects: a failure is a state the app shows.
 */
export function startColdStart(api: ApiClient): Promise<ColdStart> {
  started ??= resume(api);
  return started;
}

async function resume(api: ApiClient): Promise<ColdStart> {
  if (!hasCachedProfile()) return { kind: 'signed-out' };
  preloadHome(cachedRoleHint());
  try {
    const { Session } = await loadSessionModule();
    const locked = Session.lockedProfile();
    if (locked) return { kind: 'locked', user: locked };
    const session = await Session.resume(api);
    return session ? { kind: 'signed-in', session } : { kind: 'signed-out' };
  } catch (error) {
    return { kind: 'failed', message: `Local data could not be opened: ${error instanceof Error ? error.message : String(error)}` };
  }
}
