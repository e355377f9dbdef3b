import { useState } from 'react';
import { editedOver } from './form-edits';

/**
 * A card's form over a live document: each input shows what the admin typed since the last save,
 * else the document as it is now. So a change synced in meanwhile shows, and after a save the form
 * follows the document again: a change the server refused and the device rolled back shows as the
 * value kept, not as the refused one still typed in (a second save would send it again).
 */
export function useEditsOver<F extends Record<string, unknown>>(current: F) {
  const [opened, setOpened] = useState<F>(current);
  const [input, setInput] = useState<F>(current);
  const shown = editedOver(current, opened, input);
  const set = (patch: Partial<F>) => setInput((value) => ({ ...value, ...patch }));
  /** After a save: what was saved is the new starting point, nothing counts as typed since. */
  const settle = () => {
    setOpened(shown);
    setInput(shown);
  };
  return { shown, set, settle };
}
