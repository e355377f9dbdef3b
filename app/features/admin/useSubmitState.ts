import { useState } from 'react';
import { describeAdminFailure, type FormProblem } from './user-form';

/** A form's submit: busy while it runs, and its failure shown next to the field it names. */
export function useSubmitState() {
  const [problem, setProblem] = useState<FormProblem>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setProblem(undefined);
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setProblem(describeAdminFailure(error));
    } finally {
      setBusy(false);
    }
  };
  return { problem, busy, run };
}
