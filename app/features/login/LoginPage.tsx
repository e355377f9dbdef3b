import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { unsyncedChangesText } from '../../components/format';
import { useObservable } from '../../components/useObservable';
import { preloadForSignIn } from '../../session/cold-start';
import type { Session } from '../../session/session';
import { useSessionApi, type SignInResult } from '../../session/SessionContext';
import { HttpError, OfflineError } from '../../sync/errors';

type Replacing = Extract<SignInResult, { kind: 'confirm-replace' }> & { username: string; password: string };

/**
 * Sign in. On a device whose session ended (a password reset, a long time offline) it is "sign in
 * again": the signed-in user's data and unsynced changes stay, and another user signing in is
 * warned that they would be deleted.
 */
export function LoginPage() {
  const { state } = useSessionApi();
  useEffect(() => preloadForSignIn(), []);
  if (state.kind === 'locked') return <Navigate to="/" replace />;
  if (state.kind === 'signed-in') return <SignInAgain session={state.session} />;
  return <SignInForm />;
}

/** Only while sync waits for a sign-in; otherwise there is nothing to sign in to. */
function SignInAgain({ session }: { session: Session }) {
  const status = useObservable(() => session.sync.status$, [session], session.sync.status$.getValue());
  const [done, setDone] = useState(false);
  if (!status.needsSignIn && !done) return <Navigate to="/" replace />;
  const { user } = session;
  return (
    <SignInForm again={{ fullName: user.fullName, username: user.username }} onSignedIn={() => setDone(true)}>
      <p data-testid="sign-in-again-text">
        Your sign-in has ended, so your changes cannot sync. Sign in again as {user.fullName}: everything on this device stays and
        syncs.
      </p>
      <p>
        <Link to="/">Keep working without syncing</Link>
      </p>
    </SignInForm>
  );
}

type FormProps = { again?: { fullName: string; username: string }; onSignedIn?: () => void; children?: ReactNode };

function SignInForm({ again, onSignedIn, children }: FormProps) {
  const { signIn } = useSessionApi();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [replacing, setReplacing] = useState<Replacing>();
  const submitRef = useRef<HTMLButtonElement>(null);

  async function attempt(username: string, password: string, replaceConfirmed: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      const result = await signIn(username, password, { replaceConfirmed });
      if (result.kind === 'confirm-replace') return setReplacing({ ...result, username, password });
      setReplacing(undefined);
      onSignedIn?.();
      await navigate('/', { replace: true });
    } catch (caught) {
      setReplacing(undefined);
      setError(loginErrorText(caught, again !== undefined));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void attempt(String(form.get('username') ?? ''), String(form.get('password') ?? ''), false);
  }

  return (
    <main className="login">
      <h1>{again ? 'Sign in again' : 'Field Service'}</h1>
      {children}
      <form onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
        <label>
          Username
          <input name="username" autoComplete="username" autoCapitalize="none" required defaultValue={again?.username} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required autoFocus={again !== undefined} />
        </label>
        {error && (
          <p id="login-error" className="form-error" role="alert">
            {error}
          </p>
        )}
        <button ref={submitRef} type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {replacing && (
        <ConfirmDialog
          title={`Delete ${replacing.previous.fullName}’s changes?`}
          stayLabel="Cancel"
          confirmLabel={`Delete and sign in as ${replacing.username.trim()}`}
          busyLabel="Signing in…"
          busy={busy}
          returnFocusTo={submitRef}
          onStay={() => setReplacing(undefined)}
          onConfirm={() => void attempt(replacing.username, replacing.password, true)}
          testId="replace-user-dialog"
        >
          {unsyncedChangesText(replacing.pending)} They are {replacing.previous.fullName}’s and exist only on this device. Signing in as
          another user deletes them. To keep them, cancel and sign in as {replacing.previous.username}.
        </ConfirmDialog>
      )}
    </main>
  );
}

function loginErrorText(error: unknown, again: boolean): string {
  if (error instanceof OfflineError) return again ? 'You are offline. Signing in again needs a connection.' : 'You are offline. Signing in the first time needs a connection.';
  if (error instanceof HttpError && error.reason === 'too_many_requests') return 'Too many attempts. Wait a few minutes and try again.';
  if (error instanceof HttpError && error.status === 401) return 'Wrong username or password.';
  return 'Signing in failed. Try again in a moment.';
}
