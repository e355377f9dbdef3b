import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** An address the app has no screen for (a mistyped or old link): said plainly, with the way back. */
export function NotFoundPage() {
  return (
    <div className="page-message" role="status">
      <h1>Page not found</h1>
      <p>There is no screen at this address.</p>
      <Link to="/">Go to your home screen</Link>
    </div>
  );
}

/**
 * A screen that failed to load or render. The usual cause is a screen's code that is not on this
 * device yet (first visit to it while offline, or an update half-installed): reloading online fixes
 * it, and nothing stored on the device is lost either way.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="page-message" role="alert">
      <h1>This screen could not open</h1>
      <p>Your data on this device is safe. If you are offline, this screen may not have been loaded yet: reload once you are back online.</p>
      <p className="muted">{detail}</p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>{' '}
      <Link to="/">Home</Link>
    </div>
  );
}
