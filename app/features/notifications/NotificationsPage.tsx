import { useState } from 'react';
import { Link } from 'react-router';
import { map } from 'rxjs';
import type { Notification } from '@shared/schemas/misc';
import { formatRelativeTime } from '../../components/format';
import { useNow } from '../../components/useNow';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { notificationSubjectPath } from './notification-links';
import { describeNoticeDue } from './notification-text';
import './notifications.css';

const KIND_LABELS: Record<Notification['kind'], string> = {
  sla_warning: 'SLA warning',
  sla_breached: 'SLA breached',
  escalated: 'Escalated',
  assigned: 'Assigned',
  comment: 'Comment',
  info: 'Info',
};

/**
 * The notification centre: this user's notifications, newest first, replicated and readable offline.
 * Marking one read is a local write that syncs like any other.
 */
export function NotificationsPage() {
  const { db } = useSession();
  const now = useNow(60_000);
  const [error, setError] = useState<string>();
  const notifications = useLiveQuery(
    (database) =>
      database.notifications.find().$.pipe(
        map((docs) => docs.map((doc) => toDomain<Notification>(doc.toJSON())).sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
      ),
    [],
    [] as Notification[],
  );
  const unread = notifications.filter((note) => !note.readAt);
  const markRead = async (notes: Notification[]) => {
    setError(undefined);
    try {
      const at = new Date().toISOString();
      for (const note of notes) await saveDocument(db, 'notifications', { ...note, readAt: at });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <section className="card notifications" aria-labelledby="notifications-title">
      <div className="notifications__head">
        <h1 id="notifications-title">
          Alerts <span className="count">· {unread.length} unread</span>
        </h1>
        {unread.length > 0 && (
          <button type="button" onClick={() => void markRead(unread)}>
            Mark all read
          </button>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
      {notifications.length === 0 ? (
        <p className="muted">No alerts yet. SLA warnings and escalations for your tickets appear here, also offline.</p>
      ) : (
        <ul className="notifications__list">
          {notifications.map((note) => (
            <li key={note.id} className={`notification notification--${note.kind}${note.readAt ? '' : ' notification--unread'}`} data-testid="notification" data-kind={note.kind} data-read={Boolean(note.readAt)}>
              <p className="notification__title">
                <span className="notification__kind">{KIND_LABELS[note.kind]}</span> <SubjectLink note={note} onOpen={() => !note.readAt && void markRead([note])} />
              </p>
              <p className="notification__body">{note.body}</p>
              {note.due && (
                <p className="notification__due" data-testid="notification-due">
                  <time dateTime={note.due.at}>{describeNoticeDue(note)}</time>
                </p>
              )}
              <p className="notification__meta muted">
                <time dateTime={note.createdAt}>{formatRelativeTime(note.createdAt, now)}</time>
                {!note.readAt && (
                  <button type="button" className="link-button" onClick={() => void markRead([note])}>
                    Mark read
                  </button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The title, as a link to what the alert is about; opening it marks the alert read. */
function SubjectLink({ note, onOpen }: { note: Notification; onOpen: () => void }) {
  const { user } = useSession();
  const path = notificationSubjectPath(note, user.role);
  if (!path) return <>{note.title}</>;
  return (
    <Link to={path} onClick={onOpen}>
      {note.title}
    </Link>
  );
}
