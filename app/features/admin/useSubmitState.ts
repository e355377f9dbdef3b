import { useState } from 'react';
import { problemsOfFailure, type FieldProblems } from './field-problems';

/**
 * A form's submit to the server: busy while it runs, and its failure shown next to the input it
 * names (`inputs`: those that show their own message; anything else goes at the form's foot).
 * `setProblems` shows a form's own check before anything is sent.
 */
export function useSubmitState(inputs: readonly string[]) {
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setProblems({});
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setProblems(problemsOfFailure(error, inputs));
    } finally {
      setBusy(false);
    }
  };
  return { problems, setProblems, busy, run };
}
