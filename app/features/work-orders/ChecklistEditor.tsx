import { useState } from 'react';
import type { ChecklistItem } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { markInvalid } from '../../components/field-problems';
import { errorFor, type ActionError } from './useWorkOrderAction';

type Props = {
  items: readonly ChecklistItem[];
  /** Keeps the ids of two editors on a page apart. */
  idPrefix: string;
  error: ActionError | undefined;
  busy?: boolean;
  /** Each resolves true once applied (then the new-item box empties). */
  onAdd: (label: string) => Promise<boolean>;
  onRename: (itemId: string, label: string) => Promise<boolean>;
  onRemove: (itemId: string) => Promise<boolean>;
};

/**
 * The desk's editor of a job's steps: rename (on leaving the field or Enter), remove, add. Used by
 * the create form (a draft) and the work order page (each edit a synced save). Ticked items keep
 * their words; removing one is refused with the reason (shared/domain/checklist.ts). Not a <form>:
 * it sits inside the create form, so Enter is handled here.
 */
export function ChecklistEditor({ items, idPrefix, error, busy = false, onAdd, onRename, onRemove }: Props) {
  const [draft, setDraft] = useState('');
  const newId = `${idPrefix}-new-item`;
  const newError = errorFor(error, 'newItem');
  const add = async () => {
    if (await onAdd(draft)) setDraft('');
  };
  return (
    <div className="checklist-editor stack" data-testid={`${idPrefix}-editor`}>
      {items.length === 0 ? (
        <p className="muted">No items yet.</p>
      ) : (
        <ol className="checklist-editor__items">
          {items.map((item, index) => (
            <EditorRow key={`${item.id}:${item.label}`} item={item} index={index} idPrefix={idPrefix} error={errorFor(error, `checklist.${item.id}`)} busy={busy} onRename={onRename} onRemove={onRemove} />
          ))}
        </ol>
      )}
      <div className="checklist-editor__add">
        <label htmlFor={newId}>New item</label>
        <input
          id={newId}
          value={draft}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            void add();
          }}
          {...markInvalid(`${newId}-error`, newError)}
        />
        <button type="button" onClick={() => void add()} disabled={busy}>
          Add item
        </button>
      </div>
      <FieldError id={`${newId}-error`} message={newError} />
      <FieldError id={`${idPrefix}-editor-error`} message={otherProblem(error)} />
    </div>
  );
}

type RowProps = Pick<Props, 'idPrefix' | 'onRename' | 'onRemove'> & { item: ChecklistItem; index: number; error: string | undefined; busy: boolean };

function EditorRow({ item, index, idPrefix, error, busy, onRename, onRemove }: RowProps) {
  const [draft, setDraft] = useState(item.label);
  const inputId = `${idPrefix}-item-${item.id}`;
  const errorId = `${inputId}-error`;
  const commit = () => {
    if (draft.trim() && draft.trim() !== item.label) void onRename(item.id, draft);
    else setDraft(item.label);
  };
  return (
    <li className="checklist-editor__item" data-testid="checklist-editor-item">
      <label htmlFor={inputId} className="visually-hidden">
        Item {index + 1}
      </label>
      <input
        id={inputId}
        value={draft}
        maxLength={200}
        readOnly={item.done}
        title={item.done ? 'Ticked as done: untick it to rename it.' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          event.currentTarget.blur();
        }}
        {...markInvalid(errorId, error)}
      />
      {item.done && <span className="muted">done</span>}
      <button type="button" className="link-button" onClick={() => void onRemove(item.id)} disabled={busy} aria-describedby={error ? errorId : undefined}>
        Remove<span className="visually-hidden"> {item.label}</span>
      </button>
      <FieldError id={errorId} message={error} />
    </li>
  );
}

/** A problem about neither an item nor the new one (a finished job, a failed save). */
function otherProblem(error: ActionError | undefined): string | undefined {
  const problems = error?.problems ?? (error ? [error] : []);
  return problems.find((problem) => problem.field !== 'newItem' && !problem.field.startsWith('checklist.'))?.message;
}
