import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { preloadForSignIn } from '../../session/cold-start';
import { useSessionApi } from '../../session/SessionContext';
import { HttpError, OfflineError } from '../../sync/errors';

export function LoginPage() {
  const { state, signIn } = useSessionApi();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => preloadForSignIn(), []);
  if (state.kind === 'signed-in') return <Navigate to="/" replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await signIn(String(form.get('username') ?? ''), String(form.get('password') ?? ''));
      await navigate('/');
    } catch (caught) {
      setError(loginErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <h1>Field Service</h1>
      <form onSubmit={(event) => void submit(event)} aria-describedby={error ? 'login-error' : undefined}>
        <label>
          Username
          <input name="username" autoComplete="username" autoCapitalize="none" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p id="login-error" className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

function loginErrorText(error: unknown): string {
  if (error instanceof OfflineError) return 'You are offline. Signing in the first time needs a connection.';
  if (error instanceof HttpError && error.reason === 'too_many_requests') return 'Too many attempts. Wait a few minutes and try again.';
  if (error instanceof HttpError && error.status === 401) return 'Wrong username or password.';
  return error instanceof Error ? error.message : String(error);
}
