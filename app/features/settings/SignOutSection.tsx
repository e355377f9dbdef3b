import { useEffect, useRef, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router';
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
        <UnsyncedChangesDialog count={blockedCount} busy={busy} returnFocusTo={triggerRef} onStay={stay} onSignOut={() => void run(true)} />
      )}
    </section>
  );
}

type DialogProps = {
  count: number;
  busy: boolean;
  /** Focus goes back here when the dialog closes (while it is modal, the rest of the page is inert). */
  returnFocusTo: RefObject<HTMLElement | null>;
  onStay: () => void;
  onSignOut: () => void;
};

function UnsyncedChangesDialog({ count, busy, returnFocusTo, onStay, onSignOut }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    const returnTo = returnFocusTo.current;
    if (!dialog) return;
    dialog.showModal();
    // The safe choice gets the focus, so Enter does not delete anything.
    stayRef.current?.focus();
    return () => {
      dialog.close();
      returnTo?.focus();
    };
  }, [returnFocusTo]);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="unsynced-title"
      aria-describedby="unsynced-text"
      data-testid="sign-out-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id="unsynced-title">Unsynced changes</h2>
      <p id="unsynced-text">
        {count} {count === 1 ? 'change has' : 'changes have'} not reached the server yet. Signing out deletes them from this
        device.
      </p>
      <div className="dialog__actions">
        <button ref={stayRef} type="button" className="primary" disabled={busy} onClick={onStay}>
          Stay signed in
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onSignOut}>
          {busy ? 'Signing out…' : 'Sign out anyway'}
        </button>
      </div>
    </dialog>
  );
}
