import { Navigate, NavLink, Outlet } from 'react-router';
import { usePersistentStorage } from '../pwa/usePersistentStorage';
import { useSessionApi } from '../session/SessionContext';
import { navItemsForRole } from './nav-items';
import { SyncStatusBar } from './SyncStatusBar';

/** Frame of every signed-in screen: the sync status is always visible at the top. */
export function SignedInLayout() {
  const { state } = useSessionApi();
  usePersistentStorage(state.kind === 'signed-in');
  if (state.kind === 'starting') return <p className="page-message" role="status">Opening your data…</p>;
  if (state.kind === 'failed') return <p className="page-message" role="alert">{state.message}</p>;
  if (state.kind === 'signed-out') return <Navigate to="/login" replace />;
  return (
    <div className="app-frame">
      <header className="app-header">
        <NavLink to="/" className="brand">Field Service</NavLink>
        <nav aria-label="Main">
          {navItemsForRole(state.session.user.role).map((item) => (
            <NavLink key={item.label} to={item.to} end={item.to === '/'}>
              {item.label}
              {item.Badge && <item.Badge />}
            </NavLink>
          ))}
        </nav>
      </header>
      <SyncStatusBar />
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
