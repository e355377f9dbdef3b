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
  const state = !status.online ? 'offline' : status.error ? 'error' : status.live ? 'live' : 'connecting';
  const label = { offline: 'Offline', error: 'Sync problem', live: 'Online', connecting: 'Connecting…' }[state];
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
      {status.error && state !== 'offline' && (
        <span className="sync-bar__error" role="alert">
          {status.error}
          {status.needsSignIn ? null : (
            <button type="button" onClick={() => session.sync.retry()}>
              Retry
            </button>
          )}
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
