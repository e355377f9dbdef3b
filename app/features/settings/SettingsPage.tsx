import { useObservable } from '../../components/useObservable';
import { formatRelativeTime } from '../../components/format';
import { ROLE_LABELS } from '../../components/labels';
import { useSession } from '../../session/SessionContext';
import { AppSection } from './AppSection';
import { SignOutSection } from './SignOutSection';
import { StorageSection } from './StorageSection';

/** Who is signed in, sync and storage on this device, the app's version, and sign-out. */
export function SettingsPage() {
  const session = useSession();
  const status = useObservable(() => session.sync.status$, [session], session.sync.status$.getValue());
  const { user } = session;
  return (
    <div className="settings">
      <h1>Settings</h1>
      <section aria-labelledby="account-title" className="settings-section">
        <h2 id="account-title">Account</h2>
        <dl>
          <dt>Name</dt>
          <dd data-testid="settings-user">{user.fullName}</dd>
          <dt>Username</dt>
          <dd>{user.username}</dd>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
        </dl>
      </section>
      <section aria-labelledby="sync-title" className="settings-section">
        <h2 id="sync-title">Sync</h2>
        <dl>
          <dt>Last synced</dt>
          <dd data-testid="settings-last-synced">
            {status.lastSyncedAt ? (
              <time dateTime={status.lastSyncedAt} title={new Date(status.lastSyncedAt).toLocaleString()}>
                {formatRelativeTime(status.lastSyncedAt)} ({new Date(status.lastSyncedAt).toLocaleString()})
              </time>
            ) : (
              'Not yet on this device'
            )}
          </dd>
        </dl>
      </section>
      <StorageSection />
      <AppSection />
      <SignOutSection />
    </div>
  );
}
