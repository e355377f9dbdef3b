import { formatMegabytes } from '../../pwa/storage';
import { usePersistentStorage } from '../../pwa/usePersistentStorage';

/** Whether the browser may evict this device's data, and how much room it takes. */
export function StorageSection() {
  const { status, requestAgain } = usePersistentStorage();
  return (
    <section aria-labelledby="storage-title" className="settings-section">
      <h2 id="storage-title">Storage on this device</h2>
      {!status ? (
        <p role="status">Checking storage…</p>
      ) : !status.supported ? (
        <p>This browser does not report its storage.</p>
      ) : (
        <dl>
          <dt>Kept by the browser</dt>
          <dd data-testid="storage-persistent" data-persistent={status.persisted}>
            {status.persisted
              ? 'Yes: the browser will not clear this data to free space.'
              : 'Not guaranteed: the browser may clear this data when the device runs low on space. Sync often.'}
          </dd>
          <dt>Used</dt>
          <dd data-testid="storage-usage">{describeUsage(status.usageBytes, status.quotaBytes)}</dd>
        </dl>
      )}
      {status?.supported && !status.persisted && (
        <button type="button" onClick={() => void requestAgain()}>
          Ask to keep data on this device
        </button>
      )}
    </section>
  );
}

function describeUsage(usage: number | undefined, quota: number | undefined): string {
  if (usage === undefined) return 'Unknown';
  return quota === undefined ? formatMegabytes(usage) : `${formatMegabytes(usage)} of ${formatMegabytes(quota)}`;
}
