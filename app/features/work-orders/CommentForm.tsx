import { useId, useState, type FormEvent } from 'react';
import { useBusy } from '../../components/useBusy';
import { FieldError } from '../../components/FieldError';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { describeActionError, type ActionError } from './useWorkOrderAction';
import { buildComment } from './work-order-actions';

/** The box to add a comment to a ticket's conversation; used on work orders and on the ticket page. */
export function CommentForm({ ticketId }: { ticketId: string }) {
  const { db, user } = useSession();
  const errorId = useId();
  const [body, setBody] = useState('');
  const [error, setError] = useState<ActionError>();
  const { busy, guard } = useBusy();

  // One comment per press (useBusy): the conversation is append-only, a duplicate stays for good.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return guard(async () => {
      try {
        await saveDocument(db, 'comments', buildComment(ticketId, body, user, new Date()));
        setBody('');
        setError(undefined);
      } catch (caught) {
        setError(describeActionError(caught));
      }
    });
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <label>
        Comment
        <textarea name="comment" rows={3} maxLength={5000} value={body} onChange={(event) => setBody(event.target.value)} aria-describedby={error ? errorId : undefined} />
      </label>
      <FieldError id={errorId} message={error?.message} />
      <button type="submit" disabled={busy}>
        Post comment
      </button>
    </form>
  );
}
