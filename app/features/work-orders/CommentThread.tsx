import { map } from 'rxjs';
import type { Comment } from '@shared/schemas/misc';
import type { User } from '@shared/schemas/user';
import { formatDay, formatTime } from '../../components/format';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { useSession } from '../../session/SessionContext';
import { CommentForm } from './CommentForm';

/** The ticket's conversation with the desk and the site, oldest first, with a box to reply. */
export function CommentThread({ ticketId, timeZone }: { ticketId: string; timeZone?: string }) {
  const { user } = useSession();
  const comments = useLiveQuery(
    (database) =>
      database.comments
        .find({ selector: { ticketId } })
        .$.pipe(map((docs) => docs.map((doc) => toDomain<Comment>(doc.toJSON())).sort(byCreation))),
    [ticketId],
    [],
  );
  const authors = useDocumentsByIds('users', comments.map((comment) => comment.authorId));
  return (
    <div className="comments">
      {comments.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ol className="thread">
          {comments.map((comment) => (
            <li key={comment.id} data-testid="comment">
              <p className="thread__meta">
                <strong>{authorName(authors, comment.authorId, user)}</strong>{' '}
                <time dateTime={comment.createdAt}>
                  {formatDay(comment.createdAt, timeZone)} {formatTime(comment.createdAt, timeZone)}
                </time>{' '}
                <UnsyncedMarker collection="comments" id={comment.id} testId="comment-unsynced" />
              </p>
              <p className="thread__body">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      <CommentForm ticketId={ticketId} />
    </div>
  );
}

function byCreation(a: Comment, b: Comment): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id);
}

function authorName(authors: ReadonlyMap<string, User>, id: string, me: User): string {
  return authors.get(id)?.fullName ?? (id === me.id ? me.fullName : 'Unknown user');
}
