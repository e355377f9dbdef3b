import type { InputHTMLAttributes } from 'react';
import { PRIORITIES, type Priority } from '@shared/schemas/common';
import { FieldError } from '../../components/FieldError';
import { markInvalid } from '../../components/field-problems';
import { PriorityOptions } from '../../components/ReferenceOptions';

type TextFieldProps = {
  /** Unique on the page: the input's id, and with `-error` its error's. */
  id: string;
  label: string;
  value: string;
  problem: string | undefined;
  onChange: (value: string) => void;
  /** A textarea of this many rows instead of a one-line input (the other attributes are the input's). */
  rows?: number;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/** A labelled input with its problem right under it, pointed at by aria-describedby. */
export function TextField({ id, label, value, problem, onChange, rows, ...rest }: TextFieldProps) {
  const errorId = `${id}-error`;
  const described = markInvalid(errorId, problem);
  return (
    <div className="field">
      <label>
        {label}
        {rows ? (
          <textarea id={id} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} {...described} />
        ) : (
          <input id={id} value={value} onChange={(event) => onChange(event.target.value)} {...described} {...rest} />
        )}
      </label>
      <FieldError id={errorId} message={problem} />
    </div>
  );
}

/** A priority, by the words the rest of the app uses for it. */
export function PrioritySelect({ id, label, value, onChange }: { id: string; label: string; value: Priority; onChange: (priority: Priority) => void }) {
  return (
    <label>
      {label}
      <select id={id} value={value} onChange={(event) => onChange(PRIORITIES.find((priority) => priority === event.target.value) ?? value)}>
        <PriorityOptions />
      </select>
    </label>
  );
}
