import type { CollectionName } from '@shared/schemas/collections';
import { useIsPending } from '../db/hooks';

/** "Not yet synced": this document has a local change the server has not acknowledged yet. */
export function UnsyncedMarker({ collection, id, testId = 'unsynced-marker' }: { collection: CollectionName; id: string; testId?: string }) {
  const pending = useIsPending(collection, id);
  if (!pending) return null;
  return (
    <span className="unsynced" data-testid={testId} title="Saved on this device; it goes to the server when you are online.">
      Not yet synced
    </span>
  );
}
