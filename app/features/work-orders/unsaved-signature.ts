import { useSyncExternalStore } from 'react';

/**
 * Work orders whose signature pad holds a signature or a name not saved yet. Completing such a job
 * would end with "No signature was captured" and no way to add one, so the completion asks first.
 */
const unsaved = new Set<string>();
const listeners = new Set<() => void>();
/** Saves under way, each settling with whether it was saved: a completion pressed meanwhile waits for it. */
const saving = new Map<string, Promise<boolean>>();

export function markSignatureUnsaved(workOrderId: string, isUnsaved: boolean): void {
  if (unsaved.has(workOrderId) === isUnsaved) return;
  if (isUnsaved) unsaved.add(workOrderId);
  else unsaved.delete(workOrderId);
  for (const listener of listeners) listener();
}

/** Now, not as of the last render: a save that just finished has already cleared it. */
export function isSignatureUnsaved(workOrderId: string): boolean {
  return unsaved.has(workOrderId);
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

/** Records a signature save under way until it settles. */
export function trackSignatureSave(workOrderId: string, save: Promise<boolean>): Promise<boolean> {
  saving.set(workOrderId, save);
  void save.finally(() => {
    if (saving.get(workOrderId) === save) saving.delete(workOrderId);
  });
  return save;
}

/** The signature save under way on this work order, if any. */
export function signatureSaveUnderWay(workOrderId: string): Promise<boolean> | undefined {
  return saving.get(workOrderId);
}
