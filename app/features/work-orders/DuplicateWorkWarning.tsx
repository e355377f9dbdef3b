import { Link } from 'react-router';
import { map } from 'rxjs';
import type { Activity } from '@shared/schemas/misc';
import type { WorkOrder } from '@shared/schemas/work-order';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { useSession } from '../../session/SessionContext';

/**
 * Duplicate-work warning: says, as soon as this device learns it, that someone else changed the
 * work order open on screen in a way that matters to the person working it — cancelled it,
 * reassigned it, or checked in on it — and that some offline changes ended up in the conflicts
 * inbox. The audit trail (activities) says who; the document itself says what, even before that.
 */
export function DuplicateWorkWarning({ wo }: { wo: WorkOrder }) {
  const { user } = useSession();
  const activities = useLiveQuery(
    (db) => db.activities.find({ selector: { subjectId: wo.id } }).$.pipe(map((docs) => docs.map((doc) => toDomain<Activity>(doc.toJSON())))),
    [wo.id],
    [] as Activity[],
  );
  const openConflicts = useLiveQuery(
    (db) => db.conflicts.find({ selector: { docId: wo.id } }).$.pipe(map((docs) => docs.filter((doc) => doc.state === 'open').length)),
    [wo.id],
    0,
  );
  const byOthers = activities.filter((activity) => activity.actorId !== user.id).sort((a, b) => b.at.localeCompare(a.at));
  const lastChangeOf = (field: string) => byOthers.find((activity) => activity.changes.some((change) => change.field === field));
  const cancelled = wo.status === 'cancelled' ? lastChangeOf('status') : undefined;
  const checkIn = lastChangeOf('checkIn');
  const reassigned = user.role === 'engineer' && wo.assigneeId !== user.id;
  const people = useDocumentsByIds('users', [cancelled?.actorId, checkIn?.actorId, wo.assigneeId]);
  const nameOf = (id: string | undefined) => (id && people.get(id)?.fullName) || 'someone else';

  const messages: string[] = [];
  if (wo.status === 'cancelled' && (cancelled || user.role === 'engineer')) messages.push(`This job was cancelled by ${nameOf(cancelled?.actorId)}. Stop work on it.`);
  if (reassigned) messages.push(`This job is now assigned to ${nameOf(wo.assigneeId)}.`);
  if (checkIn && wo.checkIn) messages.push(`${nameOf(checkIn.actorId)} checked in on this job — someone else may already be on site.`);
  if (messages.length === 0 && openConflicts === 0) return null;
  return (
    <section className="card duplicate-warning" role="alert" data-testid="duplicate-warning">
      <h2>Changed by someone else</h2>
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
      {openConflicts > 0 && (
        <p>
          {openConflicts === 1 ? 'One of your changes' : `${openConflicts} of your changes`} met someone else’s. <Link to="/conflicts">Review in Conflicts</Link>
        </p>
      )}
    </section>
  );
}
