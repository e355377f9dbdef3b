import type { Role } from '@shared/schemas/common';
import type { Notification } from '@shared/schemas/misc';

/**
 * Where an alert leads: the ticket or job it is about, on the page this role works it from (a
 * site manager follows a ticket on their report page, everyone else on the ticket page).
 * Undefined when it is about nothing the app has a page for.
 */
export function notificationSubjectPath(note: Pick<Notification, 'subjectType' | 'subjectId'>, role: Role): string | undefined {
  if (!note.subjectId) return undefined;
  const id = encodeURIComponent(note.subjectId);
  if (note.subjectType === 'ticket') return role === 'site_manager' ? `/reports/${id}` : `/tickets/${id}`;
  if (note.subjectType === 'workOrder') return `/work-orders/${id}`;
  return undefined;
}
