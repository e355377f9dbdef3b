import { useId, useState, type FormEvent } from 'react';
import { FieldError } from '../../components/FieldError';

/**
 * Typing the tag is always possible, camera or not: a torn label, a denied permission, a phone
 * without a camera. `onCode` returns an error message to show, or nothing when the code was taken.
 */
export function ManualEntry({ onCode, submitLabel = 'Open asset' }: { onCode: (code: string) => string | undefined; submitLabel?: string }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const inputId = useId();
  const errorId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = onCode(code);
    setError(problem);
    if (!problem) setCode('');
  }

  return (
    <form className="stack manual-entry" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>Asset tag</label>
      <input
        id={inputId}
        name="tag"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        placeholder="e.g. AST-LON-0001"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <FieldError id={errorId} message={error} />
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
