import { NavLink, Outlet } from 'react-router';
import { usePersistentStorage } from '../pwa/usePersistentStorage';
import { useChangedAccess } from '../session/access-change';
import { useSession, useSessionApi } from '../session/SessionContext';
import { ROLE_LABELS } from './labels';
import { navItemsForRole } from './nav-items';
import { SyncStatusBar } from './SyncStatusBar';

/**
 * Frame of every signed-in screen: the sync status is always visible at the top. Its badges and
 * status bar read the local database, so it loads lazily with the database layer (SignedInLayout).
 */
export function SignedInFrame() {
  const session = useSession();
  const { api } = useSessionApi();
  const changedAccess = useChangedAccess(api, session.user);
  usePersistentStorage();
  return (
    <div className="app-frame">
      <SkipLink />
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
      {changedAccess && (
        <p className="access-changed" role="status" data-testid="access-changed">
          An admin changed your access (now {ROLE_LABELS[changedAccess.role]}). Reload to work with it.{' '}
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      )}
      <main className="app-main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

/**
 * The first thing Tab reaches: past the header's links to the screen. Focus moves in code, as a
 * plain "#main" would put a hash into the router's URL.
 */
function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
