import { Link } from 'react-router';
import { usePendingCount } from '../db/hooks';
import { useOpenConflictCount } from '../features/conflicts/ConflictsBadge';
import { useObservable } from './useObservable';
import { useSession } from '../session/SessionContext';
import { formatRelativeTime } from './format';

/** Online/offline, pending changes, last synced time and errors with a retry — always on screen. */
export function SyncStatusBar() {
  const session = useSession();
  const status = useObservable(() => session.sync.status$, [session], session.sync.status$.getValue());
  const pending = usePendingCount();
  // Offline first: signing in needs the network too, and offline is the normal state it says.
  const state = !status.online ? 'offline' : status.needsSignIn ? 'needs-sign-in' : status.error ? 'error' : status.live ? 'live' : 'connecting';
  const label = { offline: 'Offline', 'needs-sign-in': 'Not syncing', error: 'Sync problem', live: 'Online', connecting: 'Connecting…' }[state];
  return (
    <section className={`sync-bar sync-bar--${state}`} aria-label="Sync status" data-testid="sync-status" data-state={state} data-caught-up={status.caughtUp}>
      <span className="sync-bar__state" role="status">{label}</span>
      <span data-testid="pending-count" data-count={pending}>
        {pending === 0 ? 'All changes synced' : `${pending} change${pending === 1 ? '' : 's'} waiting to sync`}
      </span>
      {/* Only the leader tab syncs: the others never catch up themselves, nor claim to be trying. */}
      {status.online && status.syncing && !status.caughtUp ? (
        <span className="sync-bar__last">Getting the latest data…</span>
      ) : (
        status.lastSyncedAt && <span className="sync-bar__last">Last synced {formatRelativeTime(status.lastSyncedAt)}</span>
      )}
      <OpenConflictsLink />
      {/* Offline is a normal state, said by the label and the waiting count: no alert, no retry. */}
      {state === 'needs-sign-in' && (
        <span className="sync-bar__error" role="alert">
          Your sign-in has ended. Sign in again to sync; your changes stay on this device.
          <Link to="/login" className="button" data-testid="sign-in-again">
            Sign in again
          </Link>
        </span>
      )}
      {status.error && state === 'error' && (
        <span className="sync-bar__error" role="alert">
          {status.error}
          <button type="button" onClick={() => session.sync.retry()}>
            Retry
          </button>
        </span>
      )}
    </section>
  );
}

/**
 * Open conflicts, on the bar that is always in view: on a phone the header's Conflicts link may be
 * scrolled out of sight, and a conflict is the one sync outcome the user must look at.
 */
function OpenConflictsLink() {
  const count = useOpenConflictCount();
  if (count === 0) return null;
  return (
    <Link to="/conflicts" className="sync-bar__conflicts" data-testid="sync-bar-conflicts">
      {count} conflict{count === 1 ? '' : 's'} to review
    </Link>
  );
}
