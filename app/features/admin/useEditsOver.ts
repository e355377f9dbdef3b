import { useState } from 'react';
import { typedOver } from './form-edits';

/**
 * A card's form over a live document: each input the admin has typed in since the last save shows
 * what they typed, every other one the document as it is now. So a change synced in meanwhile
 * shows, and after a save the form follows the document again: a change the server refused and
 * the device rolled back shows as the value kept, not as the refused one still typed in (a second
 * save would send it again). Typing counts, not the value: typing the refused value again is kept.
 */
export function useEditsOver<F extends Record<string, unknown>>(current: F) {
  const [typed, setTyped] = useState<{ values: Partial<F>; touched: ReadonlySet<keyof F> }>({ values: {}, touched: new Set() });
  const shown = typedOver(current, typed.values, typed.touched);
  const set = (patch: Partial<F>) => setTyped(({ values, touched }) => ({ values: { ...values, ...patch }, touched: new Set([...touched, ...(Object.keys(patch) as (keyof F)[])]) }));
  /** After a save: nothing counts as typed any more. */
  const settle = () => setTyped({ values: {}, touched: new Set() });
  return { shown, set, settle };
}
