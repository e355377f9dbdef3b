import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from '../sync/api-client';
import { OfflineError } from '../sync/errors';
import { preloadHome } from '../features/home/home-screens';
import { loadSessionModule, startColdStart } from './cold-start';
import type { Session } from './session';

type SessionState =
  | { kind: 'starting' }
  | { kind: 'signed-out' }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-in'; session: Session };

type SessionApi = {
  state: SessionState;
  api: ApiClient;
  signIn: (username: string, password: string) => Promise<void>;
  /** Signs out and wipes local data; `force` skips the unsynced-changes check. */
  signOut: (options?: { force?: boolean }) => Promise<{ blockedByPending: number } | undefined>;
};

const SessionContext = createContext<SessionApi | undefined>(undefined);
const api = new ApiClient();

// Started at load, not in an effect: the first render need not wait for it. Only in a browser:
// importing this module elsewhere (unit tests, the bench) must not touch storage.
if (typeof window !== 'undefined') void startColdStart(api);

/** Cold start: a cached profile opens the local data at once, with or without a network. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'starting' });

  useEffect(() => {
    let cancelled = false;
    // A sign-in made meanwhile (the form shows while the data opens) wins over the cached profile.
    void startColdStart(api).then((result) => !cancelled && setState((current) => (current.kind === 'starting' ? result : current)));
    return () => {
      cancelled = true;
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    // The database chunk downloads while the login request is in flight.
    const [response, { Session }] = await Promise.all([api.login(username, password), loadSessionModule()]);
    preloadHome(response.user.role);
    if (state.kind === 'signed-in') await state.session.sync.stop();
    setState({ kind: 'signed-in', session: await Session.open(response.user, api) });
  }, [state]);

  const signOut = useCallback(async (options: { force?: boolean } = {}) => {
    if (state.kind !== 'signed-in') return undefined;
    const pending = await state.session.pendingCount();
    if (pending > 0 && !options.force) return { blockedByPending: pending };
    try {
      await state.session.signOutAndWipe(api);
    } catch (error) {
      if (!(error instanceof OfflineError)) throw error;
    }
    setState({ kind: 'signed-out' });
    return undefined;
  }, [state]);

  const value = useMemo(() => ({ state, api, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
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
