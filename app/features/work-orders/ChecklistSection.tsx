import { useEffect, useState } from 'react';
import type { User } from '@shared/schemas/user';
import type { ChecklistItem, WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { formatTime } from '../../components/format';
import { useSession } from '../../session/SessionContext';
import { useWorkOrderAction } from './useWorkOrderAction';
import { isTerminal, setChecklistValue, toggleChecklistItem } from './work-order-actions';

type Props = { wo: WorkOrder; users: ReadonlyMap<string, User>; timeZone?: string };

/** Tick items as the work is done; each can carry a reading or value. */
export function ChecklistSection({ wo, users, timeZone }: Props) {
  const { user } = useSession();
  const { run, error } = useWorkOrderAction(wo.id);
  const locked = isTerminal(wo);
  const done = wo.checklist.filter((item) => item.done).length;
  if (wo.checklist.length === 0) return null;

  return (
    <section className="card">
      <h2 id="checklist-title">
        Checklist{' '}
        <span className="count">
          ({done} of {wo.checklist.length} done)
        </span>
      </h2>
      <ul className="checklist" data-testid="checklist">
        {wo.checklist.map((item) => (
          <ChecklistRow key={item.id} item={item} locked={locked} doneByName={item.doneBy ? users.get(item.doneBy)?.fullName : undefined} timeZone={timeZone} run={run} user={user} />
        ))}
      </ul>
      <FieldError id="checklist-error" message={error?.message} />
    </section>
  );
}

type RowProps = {
  item: ChecklistItem;
  locked: boolean;
  doneByName?: string;
  timeZone?: string;
  user: User;
  run: (change: (current: WorkOrder, now: Date) => WorkOrder) => Promise<boolean>;
};

/**
 * The box flips at once (the stored change follows a moment later through the live query) and
 * goes back if the save is refused; any change to the stored item takes over again.
 */
function ChecklistRow({ item, locked, doneByName, timeZone, user, run }: RowProps) {
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
