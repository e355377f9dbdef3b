import { useState } from 'react';
import { describeAdminFailure, type Checked, type FieldProblems } from './field-problems';

/**
 * An admin's synced edit (offline too): a form with problems shows them all at once; a checked
 * document is saved on the device, and the sync takes it to the server and every other device.
 */
export function useSyncedSave() {
  const [problems, setProblems] = useState<FieldProblems>({});
  const [saved, setSaved] = useState(false);

  /** Resolves with the document once saved on the device, or undefined when it was not. */
  async function save<D>(checked: Checked<D>, write: (doc: D) => Promise<unknown>): Promise<D | undefined> {
    setSaved(false);
    if (!checked.ok) {
      setProblems(checked.problems);
      return undefined;
    }
    setProblems({});
    try {
      await write(checked.doc);
      setSaved(true);
      return checked.doc;
    } catch (error) {
      // The local write's own check (saveDocument) or storage: shown on its input, else on the form.
      const problem = describeAdminFailure(error);
      setProblems({ [problem.field]: problem.message });
      return undefined;
    }
  }

  return { problems, saved, save };
}
