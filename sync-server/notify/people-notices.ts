import { createHash } from 'node:crypto';
import type { AnyDoc } from '@shared/schemas/collections';
import type { Comment, Notification } from '@shared/schemas/misc';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import type { WorkOrder } from '@shared/schemas/work-order';

/** A write someone else made that a person should hear about, with whatever names its notice needs. */
export type NoticeContext = {
  actorId: string;
  at: string;
  users: ReadonlyMap<string, Pick<User, 'id' | 'fullName' | 'active'>>;
  tickets: ReadonlyMap<string, Pick<Ticket, 'id' | 'number' | 'title' | 'reportedBy' | 'assigneeId'>>;
  siteNames: ReadonlyMap<string, string>;
};

const KIND_WORDS: Record<WorkOrder['kind'], string> = { corrective: 'Corrective repair', preventive: 'Preventive maintenance', inspection: 'Inspection', installation: 'Installation' };

/** Deterministic: a write replayed or handled twice makes the same id, which the store keeps once. */
function noticeIdOf(...parts: string[]): string {
  return `ntf-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40)}`;
}

function notice(fields: Pick<Notification, 'id' | 'userId' | 'kind' | 'title' | 'body'> & Partial<Pick<Notification, 'subjectType' | 'subjectId'>>, at: string): Notification {
  return { ...fields, type: 'notification', title: fields.title.slice(0, 200), body: fields.body.slice(0, 2000), createdAt: at, updatedAt: at, _deleted: false };
}

/** Only people who can still read their alerts, and never the one who made the change. */
function recipients(ids: readonly (string | undefined)[], context: NoticeContext): string[] {
  return [...new Set(ids)].filter((id): id is string => id !== undefined && id !== context.actorId && context.users.get(id)?.active === true);
}

/**
 * A job given to an engineer tells them (it is new on their Today); a job taken from one tells them
 * who has it now, since it leaves their device, and that what they recorded on it offline is
 * handed in when they sync.
 */
export function workOrderNotices(before: WorkOrder | undefined, after: WorkOrder, context: NoticeContext): Notification[] {
  if (after._deleted || before?.assigneeId === after.assigneeId) return [];
  const about = context.tickets.get(after.ticketId ?? '')?.title ?? KIND_WORDS[after.kind];
  const where = context.siteNames.get(after.siteId) ?? after.siteId;
  const newName = context.users.get(after.assigneeId)?.fullName ?? 'another engineer';
  const subject = { subjectType: 'workOrder', subjectId: after.id } as const;
  const given = recipients([after.assigneeId], context).map((userId) =>
    notice({ id: noticeIdOf('assigned', after.id, after.updatedAt, userId), userId, kind: 'assigned', title: `${after.number}: assigned to you`, body: `${about} · ${where}`, ...subject }, context.at),
  );
  // No link: the job is no longer on their device, and its page could only say so.
  const taken = recipients([before?.assigneeId], context).map((userId) =>
    notice(
      {
        id: noticeIdOf('reassigned', after.id, after.updatedAt, userId),
        userId,
        kind: 'info',
        title: `${after.number}: reassigned to ${newName}`,
        body: `${about} · ${where}. It leaves your device; anything you recorded on it offline is handed in when you sync.`,
      },
      context.at,
    ),
  );
  return [...given, ...taken];
}

/**
 * A new ticket that arrives with an engineer (the admins' assignment rules, or a desk that filed it
 * assigned) tells them: it may have no work order yet, so nothing else would. A later change of a
 * ticket's engineer comes with its work order's, which tells them already.
 */
export function ticketNotices(before: Ticket | undefined, after: Ticket, context: NoticeContext): Notification[] {
  if (before || after._deleted || !after.assigneeId) return [];
  const where = context.siteNames.get(after.siteId) ?? after.siteId;
  return recipients([after.assigneeId], context).map((userId) =>
    notice({ id: noticeIdOf('ticket-assigned', after.id, userId), userId, kind: 'assigned', title: `${after.number}: assigned to you`, body: `${after.title} · ${where}`, subjectType: 'ticket', subjectId: after.id }, context.at),
  );
}

/** A comment tells the ticket's reporter and its engineer (not its author): the conversation comes to them. */
export function commentNotices(comment: Comment, context: NoticeContext): Notification[] {
  const ticket = context.tickets.get(comment.ticketId);
  if (!ticket || comment._deleted) return [];
  const author = context.users.get(comment.authorId)?.fullName ?? 'Someone';
  return recipients([ticket.reportedBy, ticket.assigneeId], context).map((userId) =>
    notice(
      { id: noticeIdOf('comment', comment.id, userId), userId, kind: 'comment', title: `${ticket.number}: ${author} commented`, body: comment.body, subjectType: 'ticket', subjectId: ticket.id },
      context.at,
    ),
  );
}

/** The users, tickets and sites the notices of these writes name. */
export function referencedIds(before: readonly (AnyDoc | undefined)[], after: readonly AnyDoc[]): { users: string[]; tickets: string[]; sites: string[] } {
  const users = new Set<string>();
  const tickets = new Set<string>();
  const sites = new Set<string>();
  after.forEach((doc, index) => {
    const previous = before[index];
    if (doc.type === 'workOrder') {
      users.add(doc.assigneeId);
      if (previous?.type === 'workOrder') users.add(previous.assigneeId);
      if (doc.ticketId) tickets.add(doc.ticketId);
      sites.add(doc.siteId);
    } else if (doc.type === 'comment') {
      users.add(doc.authorId);
      tickets.add(doc.ticketId);
    } else if (doc.type === 'ticket') {
      if (doc.assigneeId) users.add(doc.assigneeId);
      sites.add(doc.siteId);
    }
  });
  return { users: [...users], tickets: [...tickets], sites: [...sites] };
}
