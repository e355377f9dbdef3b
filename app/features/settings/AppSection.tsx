import { useState } from 'react';
import { useObservable } from '../../components/useObservable';
import { APP_VERSION } from '../../pwa/app-version';
import { applyUpdate, checkForUpdate, updateState$ } from '../../pwa/service-worker';

const CHECK_RESULT_TEXT = {
  found: 'A new version is downloading…',
  latest: 'You have the latest version.',
  offline: 'Cannot check while offline.',
  unavailable: 'Updates are not available in this browser.',
} as const;

/** The running version, and a manual update check besides the hourly and on-foreground ones. */
export function AppSection() {
  const update = useObservable(() => updateState$, [], updateState$.getValue());
  const [checkResult, setCheckResult] = useState<keyof typeof CHECK_RESULT_TEXT>();
  const [checking, setChecking] = useState(false);

  async function check() {
    setChecking(true);
    try {
      setCheckResult(await checkForUpdate());
    } finally {
      setChecking(false);
    }
  }

  return (
    <section aria-labelledby="app-title" className="settings-section">
      <h2 id="app-title">App</h2>
      <dl>
        <dt>Version</dt>
        <dd data-testid="app-version">{APP_VERSION}</dd>
      </dl>
      {update.needRefresh ? (
        <>
          <p role="status">A new version is ready. Your changes, synced or not, stay on this device.</p>
          <button type="button" className="primary" onClick={() => void applyUpdate()}>
            Reload to the new version
          </button>
        </>
      ) : (
        <>
          <button type="button" disabled={checking} onClick={() => void check()}>
            {checking ? 'Checking…' : 'Check for updates'}
          </button>
          {/* A found update shows up as needRefresh above once it has installed. */}
          {checkResult && !checking && <p role="status">{CHECK_RESULT_TEXT[checkResult]}</p>}
        </>
      )}
    </section>
  );
}
