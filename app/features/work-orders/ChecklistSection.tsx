import { useEffect, useState } from 'react';
import { ulid } from 'ulid';
import { addChecklistItem, removeChecklistItem, renameChecklistItem } from '@shared/domain/checklist';
import type { User } from '@shared/schemas/user';
import type { ChecklistItem, WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { formatTime } from '../../components/format';
import { useSession } from '../../session/SessionContext';
import { ChecklistEditor } from './ChecklistEditor';
import { editWorkOrderChecklist } from './checklist-edits';
import { useWorkOrderAction } from './useWorkOrderAction';
import { isTerminal, setChecklistValue, toggleChecklistItem } from './work-order-actions';

type Props = { wo: WorkOrder; users: ReadonlyMap<string, User>; timeZone?: string };

/**
 * Tick items as the work is done; each can carry a reading or value. The desk (dispatchers and
 * admins) also writes the steps: "Edit checklist" adds, renames and removes items, each a synced
 * edit like any other (the merge keeps the desk's labels and the engineer's ticks apart, per item).
 */
export function ChecklistSection({ wo, users, timeZone }: Props) {
  const { user } = useSession();
  const [editing, setEditing] = useState(false);
  const locked = isTerminal(wo);
  const writesSteps = (user.role === 'dispatcher' || user.role === 'admin') && !locked;
  const done = wo.checklist.filter((item) => item.done).length;
  if (wo.checklist.length === 0 && !writesSteps) return null;

  return (
    <section className="card">
      <h2 id="checklist-title">
        Checklist{' '}
        <span className="count">
          ({done} of {wo.checklist.length} done)
        </span>
      </h2>
      {wo.checklist.length === 0 ? (
        <p className="muted">No checklist yet: add the steps the engineer should work through.</p>
      ) : (
        <ul className="checklist" data-testid="checklist">
          {wo.checklist.map((item) => (
            <ChecklistRow key={item.id} workOrderId={wo.id} item={item} locked={locked} doneByName={item.doneBy ? users.get(item.doneBy)?.fullName : undefined} timeZone={timeZone} user={user} />
          ))}
        </ul>
      )}
      {writesSteps &&
        (editing || wo.checklist.length === 0 ? (
          <StepsEditor wo={wo} onDone={wo.checklist.length === 0 ? undefined : () => setEditing(false)} />
        ) : (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            Edit checklist
          </button>
        ))}
    </section>
  );
}

/** The desk's editor on a saved job: every change is saved at once, offline too. */
function StepsEditor({ wo, onDone }: { wo: WorkOrder; onDone?: () => void }) {
  const { run, error, busy } = useWorkOrderAction(wo.id);
  return (
    <>
      <h3 className="checklist-editor__title">Edit the steps</h3>
      <ChecklistEditor
        items={wo.checklist}
        idPrefix="wo-checklist"
        error={error}
        busy={busy}
        onAdd={(label) => run((current) => editWorkOrderChecklist(current, (list) => addChecklistItem(list, label, ulid())))}
        onRename={(itemId, label) => run((current) => editWorkOrderChecklist(current, (list) => renameChecklistItem(list, itemId, label)))}
        onRemove={(itemId) => run((current) => editWorkOrderChecklist(current, (list) => removeChecklistItem(list, itemId)))}
      />
      {onDone && (
        <button type="button" className="secondary" onClick={onDone}>
          Done editing
        </button>
      )}
    </>
  );
}

type RowProps = {
  workOrderId: string;
  item: ChecklistItem;
  locked: boolean;
  doneByName?: string;
  timeZone?: string;
  user: User;
};

/**
 * The box flips at once (the stored change follows a moment later through the live query) and
 * goes back if the save is refused; any change to the stored item takes over again. Each row saves
 * on its own, so ticking two items quickly saves both (updateWorkOrder queues them).
 */
function ChecklistRow({ workOrderId, item, locked, doneByName, timeZone, user }: RowProps) {
  const { run, error } = useWorkOrderAction(workOrderId);
  const [optimistic, setOptimistic] = useState<boolean>();
  useEffect(() => setOptimistic(undefined), [item.done]);
  const checked = optimistic ?? item.done;

  const toggle = async () => {
    setOptimistic(!checked);
    if (!(await run((current, now) => toggleChecklistItem(current, item.id, user, now)))) setOptimistic(undefined);
  };

  return (
    <li className={item.done ? 'checklist__item checklist__item--done' : 'checklist__item'}>
      <label className="check">
        <input type="checkbox" checked={checked} disabled={locked} onChange={() => void toggle()} />
        <span id={`chk-label-${item.id}`}>{item.label}</span>
      </label>
      {item.done && item.doneAt && (
        <span className="checklist__who muted">
          Done at {formatTime(item.doneAt, timeZone)} by {doneByName ?? 'another user'}
        </span>
      )}
      <ValueInput key={item.value ?? ''} item={item} locked={locked} onSave={(value) => void run((current) => setChecklistValue(current, item.id, value))} />
      <FieldError id={`chk-error-${item.id}`} message={error?.message} />
    </li>
  );
}

/**
 * A reading or value for an item, behind "Add reading" so a plain checklist stays short. Saved when
 * the field loses focus or on Enter, not per keystroke (each save is a sync write).
 */
function ValueInput({ item, locked, onSave }: { item: ChecklistItem; locked: boolean; onSave: (value: string) => void }) {
  const [draft, setDraft] = useState(item.value ?? '');
  const [open, setOpen] = useState(false);
  const inputId = `chk-value-${item.id}`;
  if (locked && !item.value) return null;
  if (!open && !item.value) {
    return (
      <button type="button" className="link-button checklist__add-value" onClick={() => setOpen(true)}>
        Add reading<span className="visually-hidden"> for {item.label}</span>
      </button>
    );
  }
  const commit = () => {
    if (draft.trim() !== (item.value ?? '')) onSave(draft);
    else if (!draft.trim()) setOpen(false);
  };
  return (
    <span className="checklist__value">
      <label htmlFor={inputId} className="visually-hidden">
        Reading or value
      </label>
      <input
        id={inputId}
        value={draft}
        readOnly={locked}
        // Opened by "Add reading": the keyboard goes straight to the new field.
        autoFocus={open && !item.value}
        placeholder="Reading or value"
        maxLength={500}
        aria-describedby={`chk-label-${item.id}`}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
        }}
      />
    </span>
  );
}
