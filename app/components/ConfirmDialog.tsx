import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

type Props = {
  title: string;
  children: ReactNode;
  /** The safe choice: it has the focus, so Enter deletes nothing; Escape means it too. */
  stayLabel: string;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  /** Focus goes back here when the dialog closes (while it is modal, the rest of the page is inert). */
  returnFocusTo: RefObject<HTMLElement | null>;
  onStay: () => void;
  onConfirm: () => void;
  testId?: string;
};

/** A modal question before something that deletes data (native <dialog>: focus moves in and is trapped). */
export function ConfirmDialog({ title, children, stayLabel, confirmLabel, busyLabel, busy, returnFocusTo, onStay, onConfirm, testId }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    const returnTo = returnFocusTo.current;
    if (!dialog) return;
    dialog.showModal();
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
      aria-labelledby="confirm-dialog-title"
      aria-describedby="confirm-dialog-text"
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id="confirm-dialog-title">{title}</h2>
      <p id="confirm-dialog-text">{children}</p>
      <div className="dialog__actions">
        <button ref={stayRef} type="button" className="primary" disabled={busy} onClick={onStay}>
          {stayLabel}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
