import { useEffect, useState, type ComponentType } from 'react';
import type { Role } from '@shared/schemas/common';
import { useSession } from '../../session/SessionContext';
import { loadedHome, loadHome } from './home-screens';

type Loading = { role: Role; Home?: ComponentType; error?: unknown };

/**
 * Each role lands on its own home screen, a lazy chunk the session has usually preloaded. Not
 * React.lazy: its Suspense would show the fallback and hold the screen back (React throttles the
 * reveal) even when the chunk is already here.
 */
export function HomeRoute() {
  const { role } = useSession().user;
  const [loading, setLoading] = useState<Loading>(() => ({ role, Home: loadedHome(role) }));
  const current = loading.role === role ? loading : { role, Home: loadedHome(role) };

  useEffect(() => {
    if (current.Home) return;
    let cancelled = false;
    loadHome(role).then(
      (Home) => !cancelled && setLoading({ role, Home }),
      (error: unknown) => !cancelled && setLoading({ role, error }),
    );
    return () => {
      cancelled = true;
    };
  }, [role, current.Home]);

  // Thrown so the route's error boundary shows it, as a failed lazy route would.
  if (current.error) throw current.error;
  if (!current.Home) return <p className="page-message" role="status">Loading…</p>;
  return <current.Home />;
}
