import { useState } from 'react';
import type { User } from '@shared/schemas/user';
import { useSessionApi } from '../../session/SessionContext';

/**
 * The server said this account is deactivated: none of its local data shows, and removing it is
 * the only way on (as signing out would). Changes that never reached the server go with it; an
 * admin who deactivated the account has ended that work.
 */
export function AccountLockedScreen({ user }: { user: User }) {
  const { removeLockedData } = useSessionApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await removeLockedData();
    } catch (caught) {
      console.warn('removing a locked account’s data failed', caught);
      setError('The data could not be removed. Close the app’s other tabs and try again.');
      setBusy(false);
    }
  }

  return (
    <main className="login" data-testid="account-locked">
      <h1>Account deactivated</h1>
      <p>
        {user.fullName}’s account ({user.username}) has been deactivated by an administrator, so it can no longer use Field Service on
        this device. Ask your administrator if you think this is a mistake.
      </p>
      <p>Remove the account’s data from this device. Changes that had not reached the server are deleted too.</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
        {busy ? 'Removing…' : 'Remove data from this device'}
      </button>
    </main>
  );
}
