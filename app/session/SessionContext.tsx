import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { User } from '@shared/schemas/user';
import { ApiClient } from '../sync/api-client';
import { OfflineError } from '../sync/errors';
import { preloadHome } from '../features/home/home-screens';
import { accessChanged } from './access-change';
import { markAccountInactive } from './account-lock';
import { loadSessionModule, startColdStart } from './cold-start';
import { cacheProfile } from './profile-key';
import { announceToOtherTabs, listenToOtherTabs, type SessionMessage } from './session-channel';
import type { Session } from './session';
import { planSignIn } from './sign-in-choice';

type SessionState =
  | { kind: 'starting' }
  | { kind: 'signed-out' }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-in'; session: Session }
  /** The server said the account is deactivated: nothing of its data shows (app/session/account-lock.ts). */
  | { kind: 'locked'; user: User };

/** A sign-in either happened, or would delete another user's unsynced changes and waits for a yes. */
export type SignInResult = { kind: 'signed-in' } | { kind: 'confirm-replace'; previous: User; pending: number };

type SessionApi = {
  state: SessionState;
  api: ApiClient;
  /**
   * Signs in. Over a session whose sign-in ended, the same user resumes it (local data, pending
   * changes and conflicts stay; sync goes on); another user replaces it, which deletes it, so with
   * unsynced changes it answers `confirm-replace` until called again with `replaceConfirmed`.
   */
  signIn: (username: string, password: string, options?: { replaceConfirmed?: boolean }) => Promise<SignInResult>;
  /** Signs out and wipes local data; `force` skips the unsynced-changes check. */
  signOut: (options?: { force?: boolean }) => Promise<{ blockedByPending: number } | undefined>;
  /** The lock screen's one action: a deactivated account's data leaves the device. */
  removeLockedData: () => Promise<void>;
};

const SessionContext = createContext<SessionApi | undefined>(undefined);
const api = new ApiClient();

// Started at load, not in an effect: the first render need not wait for it. Only in a browser:
// importing this module elsewhere (unit tests, the bench) must not touch storage.
if (typeof window !== 'undefined') void startColdStart(api);

/** Cold start: a cached profile opens the local data at once, with or without a network. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'starting' });
  // The callbacks and the other tabs' messages read the state as it is now, not as last rendered.
  const stateRef = useRef<SessionState>(state);
  const update = useCallback((next: SessionState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    let cancelled = false;
    // A sign-in made meanwhile (the form shows while the data opens) wins over the cached profile.
    void startColdStart(api).then((result) => !cancelled && stateRef.current.kind === 'starting' && update(result));
    return () => {
      cancelled = true;
    };
  }, [update]);

  /** Hides the data at once, then lets go of the database (a removal deletes it unopened). */
  const lock = useCallback(
    (session: Session) => {
      markAccountInactive(session.user.id);
      update({ kind: 'locked', user: session.user });
      api.forgetToken();
      session.close().catch((error: unknown) => console.warn('closing the locked account’s database failed', error));
    },
    [update],
  );

  useEffect(() => {
    if (state.kind !== 'signed-in') return;
    const { session } = state;
    return api.onSessionEnded((error) => {
      if (error.reason !== 'account_inactive' || stateRef.current !== state) return;
      announceToOtherTabs({ kind: 'locked', userId: session.user.id });
      lock(session);
    });
  }, [state, lock]);

  useEffect(() => listenToOtherTabs((message) => followOtherTab(message, stateRef.current, { update, lock })), [update, lock]);

  const signIn = useCallback(
    async (username: string, password: string, { replaceConfirmed = false } = {}): Promise<SignInResult> => {
      // A cached session still opening is settled first: deciding without it would leave its sync
      // running beside the new user's and skip the warning about its unsynced changes.
      if (stateRef.current.kind === 'starting') {
        const started = await startColdStart(api);
        if (stateRef.current.kind === 'starting') update(started);
      }
      const current = stateRef.current.kind === 'signed-in' ? stateRef.current.session : undefined;
      const pending = current ? await current.pendingCount() : 0;
      const plan = planSignIn(username, current && { user: current.user, pending }, replaceConfirmed);
      if (current && plan.kind === 'confirm-replace') return { kind: 'confirm-replace', previous: current.user, pending };
      // The database chunk downloads while the login request is in flight.
      const [response, { Session }] = await Promise.all([api.login(username, password), loadSessionModule()]);
      if (current && response.user.id === current.user.id) return resumeSession(current, response.user);
      if (current && pending > 0 && !replaceConfirmed) {
        // The same username now names another account: never delete unconfirmed. Undo this sign-in.
        await api.logout();
        return { kind: 'confirm-replace', previous: current.user, pending };
      }
      preloadHome(response.user.role);
      if (current) {
        await current.wipe();
        announceToOtherTabs({ kind: 'signed-out', userId: current.user.id });
      }
      api.resumeSession();
      update({ kind: 'signed-in', session: await Session.open(response.user, api) });
      return { kind: 'signed-in' };
    },
    [update],
  );

  const signOut = useCallback(
    async (options: { force?: boolean } = {}) => {
      const current = stateRef.current;
      if (current.kind !== 'signed-in') return undefined;
      const pending = await current.session.pendingCount();
      if (pending > 0 && !options.force) return { blockedByPending: pending };
      try {
        await current.session.signOutAndWipe(api);
      } catch (error) {
        if (!(error instanceof OfflineError)) throw error;
      }
      announceToOtherTabs({ kind: 'signed-out', userId: current.session.user.id });
      update({ kind: 'signed-out' });
      return undefined;
    },
    [update],
  );

  const removeLockedData = useCallback(async () => {
    const current = stateRef.current;
    if (current.kind !== 'locked') return;
    const { Session } = await loadSessionModule();
    await Session.wipeUnopened(current.user);
    announceToOtherTabs({ kind: 'signed-out', userId: current.user.id });
    api.resumeSession();
    update({ kind: 'signed-out' });
  }, [update]);

  const value = useMemo(() => ({ state, api, signIn, signOut, removeLockedData }), [state, signIn, signOut, removeLockedData]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * The same user signed in again: the session goes on with its data, and sync with the new
 * refresh cookie. Other access than the session was opened with (a new role or sites) needs the
 * screens chosen for it: the app reloads onto the renewed profile, keeping the local data.
 */
function resumeSession(session: Session, user: User): SignInResult {
  cacheProfile(user);
  announceToOtherTabs({ kind: 'signed-in-again', userId: user.id });
  if (accessChanged(session.user, user)) {
    window.location.assign('/');
    return { kind: 'signed-in' };
  }
  api.resumeSession(user);
  return { kind: 'signed-in' };
}

/** Another tab signed this user out, found the account deactivated, or signed in again. */
function followOtherTab(message: SessionMessage, current: SessionState, actions: { update: (next: SessionState) => void; lock: (session: Session) => void }): void {
  const user = current.kind === 'signed-in' ? current.session.user : current.kind === 'locked' ? current.user : undefined;
  if (!user || user.id !== message.userId) return;
  if (message.kind === 'signed-in-again') return api.resumeSession();
  if (message.kind === 'locked') return current.kind === 'signed-in' ? actions.lock(current.session) : undefined;
  // Signed out there: its data is being deleted. Nothing of it shows here any more; the database
  // closes so the deletion can go through.
  api.forgetToken();
  actions.update({ kind: 'signed-out' });
  if (current.kind === 'signed-in') current.session.close().catch((error: unknown) => console.warn('closing the signed-out database failed', error));
}

export function useSessionApi(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionApi must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session; screens under the signed-in layout can rely on it. */
export function useSession(): Session {
  const { state } = useSessionApi();
  if (state.kind !== 'signed-in') throw new Error('useSession needs a signed-in user');
  return state.session;
}
