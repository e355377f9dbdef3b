import { ASSIGNMENT_RULE_CHANGE } from '@shared/domain/rules/assignment-rules';
import type { Activity, Comment } from '@shared/schemas/misc';
import type { TicketStatus } from '@shared/schemas/ticket';
import { changedFieldWords } from '../../components/field-words';
import { formatDay, formatTime } from '../../components/format';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { useCollection } from '../../db/useCollection';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { CommentForm } from '../work-orders/CommentForm';
import { TICKET_STATUS_LABELS } from './ticket-labels';
import { actorName } from '../../components/actor-names';

type Entry = { kind: 'comment'; at: string; item: Comment } | { kind: 'activity'; at: string; item: Activity };

/**
 * What happened to the ticket, oldest first: the server's audit entries and the conversation in
 * one stream, live both ways (a reply from the engineer appears as soon as it syncs).
 */
export function TicketTimeline({ ticketId, timeZone }: { ticketId: string; timeZone?: string }) {
  const comments = useCollection('comments', { ticketId }) ?? [];
  const activities = useCollection('activities', { subjectId: ticketId }) ?? [];
  const entries: Entry[] = [
    ...comments.map((item): Entry => ({ kind: 'comment', at: item.createdAt, item })),
    ...activities.map((item): Entry => ({ kind: 'activity', at: item.at, item })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.item.id.localeCompare(b.item.id));
  const people = useDocumentsByIds('users', [...comments.map((c) => c.authorId), ...activities.map((a) => a.actorId)]);
  const name = (id: string) => actorName(id, people);

  return (
    <section className="card ticket-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol className="thread" aria-live="polite">
          {entries.map((entry) => (
            <li key={`${entry.kind}:${entry.item.id}`} data-testid={entry.kind === 'comment' ? 'comment' : 'activity'} className={`timeline--${entry.kind}`}>
              <p className="thread__meta">
                <strong>{entry.kind === 'comment' ? name(entry.item.authorId) : name(entry.item.actorId)}</strong>{' '}
                <time dateTime={entry.at}>
                  {formatDay(entry.at, timeZone)} {formatTime(entry.at, timeZone)}
                </time>{' '}
                {entry.kind === 'comment' && <UnsyncedMarker collection="comments" id={entry.item.id} testId="comment-unsynced" />}
              </p>
              <p className={entry.kind === 'comment' ? 'thread__body' : 'muted'}>{entry.kind === 'comment' ? entry.item.body : describeActivity(entry.item)}</p>
            </li>
          ))}
        </ol>
      )}
      <CommentForm ticketId={ticketId} />
    </section>
  );
}

function describeActivity(activity: Activity): string {
  const fields = changedFieldWords(activity.changes);
  switch (activity.action) {
    case 'created':
      return 'created the ticket';
    case 'updated': {
      // Assigned by the admins' assignment rules on arrival (sync-server/rules/auto-assign.ts): the rule is named.
      const rule = activity.changes.find((change) => change.field === ASSIGNMENT_RULE_CHANGE);
      if (rule) return `assigned it by the rule “${String(rule.after)}”`;
      const status = activity.changes.find((change) => change.field === 'status');
      if (status) return `changed the status from ${statusWord(status.before)} to ${statusWord(status.after)}`;
      return fields.length > 0 ? `changed ${fields.join(', ')}` : 'updated the ticket';
    }
    case 'sla_warning':
      return 'SLA warning';
    case 'sla_breached':
      return 'SLA breached';
    case 'escalated':
      return 'escalated';
    case 'deleted':
      return 'deleted the ticket';
  }
}

function statusWord(status: unknown): string {
  return TICKET_STATUS_LABELS[status as TicketStatus] ?? String(status);
}
