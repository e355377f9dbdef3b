import { Navigate, Outlet } from 'react-router';
import { AccountLockedScreen } from '../features/account-locked/AccountLockedScreen';
import { useSessionApi } from '../session/SessionContext';

/**
 * Every signed-in screen goes through here (in the first route): it waits for the local data, or
 * sends to sign-in, or shows that the account is deactivated. The frame inside (SignedInFrame, which reads the database) is a lazy route.
 */
export function SignedInLayout() {
  const { state } = useSessionApi();
  if (state.kind === 'starting') return <p className="page-message" role="status">Opening your data…</p>;
  if (state.kind === 'failed') return <p className="page-message" role="alert">{state.message}</p>;
  if (state.kind === 'signed-out') return <Navigate to="/login" replace />;
  if (state.kind === 'locked') return <AccountLockedScreen user={state.user} />;
  return <Outlet />;
}
