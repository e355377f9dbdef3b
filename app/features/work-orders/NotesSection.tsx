import { useState, type FormEvent } from 'react';
import type { User } from '@shared/schemas/user';
import type { WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { formatDay, formatTime } from '../../components/format';
import { useSession } from '../../session/SessionContext';
import { useWorkOrderAction } from './useWorkOrderAction';
import { addNote, isTerminal } from './work-order-actions';

type Props = { wo: WorkOrder; users: ReadonlyMap<string, User>; timeZone?: string };

/** Job notes, oldest first; append-only, so nobody's note is ever overwritten. */
export function NotesSection({ wo, users, timeZone }: Props) {
  const { user } = useSession();
  const { run, error, busy } = useWorkOrderAction(wo.id);
  const [text, setText] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await run((current, now) => addNote(current, text, user, now))) setText('');
  }

  return (
    <section className="card">
      <h2 id="notes-title">Notes</h2>
      {wo.notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ol className="thread">
          {wo.notes.map((note) => (
            <li key={note.id} data-testid="note">
              <p className="thread__meta">
                <strong>{users.get(note.by)?.fullName ?? (note.by === user.id ? user.fullName : 'Unknown user')}</strong>{' '}
                <time dateTime={note.at}>
                  {formatDay(note.at, timeZone)} {formatTime(note.at, timeZone)}
                </time>
              </p>
              <p className="thread__body">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
      {!isTerminal(wo) && (
        <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
          <label>
            Note
            <textarea
              name="note"
              rows={3}
              maxLength={5000}
              value={text}
              onChange={(event) => setText(event.target.value)}
              aria-describedby={error ? 'note-error' : undefined}
            />
          </label>
          <FieldError id="note-error" message={error?.message} />
          <button type="submit" disabled={busy}>
            Add note
          </button>
        </form>
      )}
    </section>
  );
}
