import { map } from 'rxjs';
import { useLiveQuery } from '../db/hooks';

/** The number of unread notifications on this device, live; nothing when there are none. */
export function UnreadNotificationsCount() {
  const unread = useLiveQuery((db) => db.notifications.find().$.pipe(map((docs) => docs.filter((doc) => !doc.readAt).length)), [], 0);
  if (unread === 0) return null;
  return (
    <span className="nav-count" data-testid="unread-count" aria-label={`${unread} unread`}>
      {unread > 99 ? '99+' : unread}
    </span>
  );
}
