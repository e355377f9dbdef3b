import { useSyncExternalStore } from 'react';

/**
 * Work orders whose signature pad holds a signature or a name not saved yet. Completing such a job
 * would end with "No signature was captured" and no way to add one, so the completion asks first.
 */
const unsaved = new Set<string>();
const listeners = new Set<() => void>();

export function markSignatureUnsaved(workOrderId: string, isUnsaved: boolean): void {
  if (unsaved.has(workOrderId) === isUnsaved) return;
  if (isUnsaved) unsaved.add(workOrderId);
  else unsaved.delete(workOrderId);
  for (const listener of listeners) listener();
}

export function useSignatureUnsaved(workOrderId: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => unsaved.has(workOrderId),
  );
}
