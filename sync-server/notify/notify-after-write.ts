import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import type { ServiceDeps } from '../app-deps';
import { liveDocs } from '../services/live-docs';
import { computeAcl } from '../services/acl';
import { commentNotices, type NoticeContext, referencedIds, ticketNotices, workOrderNotices } from './people-notices';

const NOTIFYING: readonly CollectionName[] = ['workOrders', 'comments', 'tickets'];

/**
 * After accepted writes: the notices people get about others' changes to their work (see
 * people-notices.ts). Only jobs whose engineer changed and new comments cost a read; every other
 * write passes through untouched. A notice already stored (a write handled twice) stays as it was.
 */
export async function notifyAfterWrite(deps: ServiceDeps, collection: CollectionName, before: (AnyDoc | undefined)[], after: AnyDoc[], actorId: string): Promise<void> {
  if (!NOTIFYING.includes(collection)) return;
  const concerned = after.flatMap((doc, index) => (concernsSomeone(before[index], doc) ? [{ before: before[index], doc }] : []));
  if (concerned.length === 0) return;
  const context = await loadContext(deps, concerned.map((item) => item.before), concerned.map((item) => item.doc), actorId);
  const notices = concerned.flatMap(({ before: previous, doc }) => {
    if (doc.type === 'workOrder') return workOrderNotices(previous?.type === 'workOrder' ? previous : undefined, doc, context);
    if (doc.type === 'comment') return commentNotices(doc, context);
    if (doc.type === 'ticket') return ticketNotices(previous?.type === 'ticket' ? previous : undefined, doc, context);
    return [];
  });
  // Conflicts are notices stored already (deterministic ids); any other failure propagates.
  await deps.store.bulkPut(
    'notifications',
    notices.map((doc) => ({ doc, acl: computeAcl('notifications', doc) })),
  );
}

function concernsSomeone(previous: AnyDoc | undefined, doc: AnyDoc): boolean {
  if (doc._deleted) return false;
  if (doc.type === 'workOrder') return previous?.type !== 'workOrder' || previous.assigneeId !== doc.assigneeId;
  if (doc.type === 'ticket') return previous === undefined && doc.assigneeId !== undefined;
  return doc.type === 'comment' && previous === undefined;
}

async function loadContext(deps: ServiceDeps, before: (AnyDoc | undefined)[], after: AnyDoc[], actorId: string): Promise<NoticeContext> {
  const ids = referencedIds(before, after);
  const tickets = await loadDocs<Ticket>(deps, 'tickets', ids.tickets);
  const people = [...ids.users, ...[...tickets.values()].flatMap((ticket) => [ticket.reportedBy, ticket.assigneeId ?? []].flat())];
  const [users, sites] = await Promise.all([loadDocs<User>(deps, 'users', [...new Set(people)]), loadDocs<Site>(deps, 'sites', ids.sites)]);
  return { actorId, at: deps.clock.now().toISOString(), users, tickets, siteNames: new Map([...sites.values()].map((site) => [site.id, site.name])) };
}

async function loadDocs<D extends AnyDoc>(deps: ServiceDeps, collection: 'tickets' | 'users' | 'sites', ids: string[]): Promise<Map<string, D>> {
  const docs = liveDocs<D>(collection, (await deps.store.getMany(collection, ids)).values(), deps.logger);
  return new Map(docs.map((doc) => [doc.id, doc]));
}
