import { useState } from 'react';
import { useBusy } from '../../components/useBusy';
import { problemsOfFailure, type FieldProblems } from './field-problems';

/**
 * A form's submit to the server: busy while it runs (a second submit meanwhile is ignored: see
 * useBusy), and its failure shown next to the input it names (`inputs`: those that show their own
 * message; anything else goes at the form's foot). `setProblems` shows a form's own check before
 * anything is sent.
 */
export function useSubmitState(inputs: readonly string[]) {
  const [problems, setProblems] = useState<FieldProblems>({});
  const { busy, guard } = useBusy();
  const run = (action: () => Promise<void>) =>
    guard(async () => {
      setProblems({});
      try {
        await action();
      } catch (error) {
        setProblems(problemsOfFailure(error, inputs));
      }
    });
  return { problems, setProblems, busy, run };
}
