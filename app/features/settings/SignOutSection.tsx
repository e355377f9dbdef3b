import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { unsyncedChangesText } from '../../components/format';
import { useSessionApi } from '../../session/SessionContext';

/**
 * Sign out wipes this device's data. With unsynced changes it asks first, in a modal dialog
 * (native <dialog>: focus moves in and is trapped, Escape means "stay signed in").
 */
export function SignOutSection() {
  const { signOut } = useSessionApi();
  const navigate = useNavigate();
  const [blockedCount, setBlockedCount] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const triggerRef = useRef<HTMLButtonElement>(null);

  async function run(force: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      const result = await signOut({ force });
      if (result) return setBlockedCount(result.blockedByPending);
      setBlockedCount(undefined);
      await navigate('/login', { replace: true });
    } catch (caught) {
      setError(`Signing out failed: ${caught instanceof Error ? caught.message : String(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  function stay() {
    setBlockedCount(undefined);
  }

  return (
    <section aria-labelledby="sign-out-title" className="settings-section">
      <h2 id="sign-out-title">Sign out</h2>
      <p>Signing out removes your work orders and other data from this device.</p>
      <button ref={triggerRef} type="button" className="danger" disabled={busy} onClick={() => void run(false)}>
        {busy && blockedCount === undefined ? 'Signing out…' : 'Sign out'}
      </button>
      {error && <p className="form-error" role="alert">{error}</p>}
      {blockedCount !== undefined && (
        <ConfirmDialog
          title="Unsynced changes"
          stayLabel="Stay signed in"
          confirmLabel="Sign out anyway"
          busyLabel="Signing out…"
          busy={busy}
          returnFocusTo={triggerRef}
          onStay={stay}
          onConfirm={() => void run(true)}
          testId="sign-out-dialog"
        >
          {unsyncedChangesText(blockedCount)} Signing out deletes them from this device.
        </ConfirmDialog>
      )}
    </section>
  );
}
