import { NavLink, Outlet } from 'react-router';
import { usePersistentStorage } from '../pwa/usePersistentStorage';
import { useSession } from '../session/SessionContext';
import { navItemsForRole } from './nav-items';
import { SyncStatusBar } from './SyncStatusBar';

/**
 * Frame of every signed-in screen: the sync status is always visible at the top. Its badges and
 * status bar read the local database, so it loads lazily with the database layer (SignedInLayout).
 */
export function SignedInFrame() {
  const session = useSession();
  usePersistentStorage();
  return (
    <div className="app-frame">
      <header className="app-header">
        <NavLink to="/" className="brand">Field Service</NavLink>
        <nav aria-label="Main">
          {navItemsForRole(session.user.role).map((item) => (
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
