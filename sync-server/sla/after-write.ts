import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { ServiceDeps } from '../app-deps';
import { recomputeOpenTickets, recordCommentResponse } from './recompute';
import { advanceTicketOfWorkOrder } from './ticket-follows-work';

/**
 * What the SLA engine does after accepted writes (tickets themselves get their SLA while being
 * written, in the push service): a comment may be the first response; a job starting or finishing
 * moves its ticket; a changed policy or a site's time zone moves the due times of open tickets.
 */
export async function applySlaAfterWrite(deps: ServiceDeps, collection: CollectionName, before: (AnyDoc | undefined)[], after: AnyDoc[], actorId: string): Promise<void> {
  for (const [index, doc] of after.entries()) {
    const previous = before[index];
    if (doc.type === 'workOrder') {
      await advanceTicketOfWorkOrder(deps, previous?.type === 'workOrder' ? previous : undefined, doc, actorId);
    } else if (doc.type === 'comment' && !doc._deleted && !previous) {
      await recordCommentResponse(deps, doc.ticketId, doc.authorId, new Date(doc.createdAt));
    } else if (collection === 'slaPolicies') {
      await recomputeOpenTickets(deps, { slaPolicyId: doc.id });
    } else if (doc.type === 'site' && previous?.type === 'site' && previous.timezone !== doc.timezone) {
      await recomputeOpenTickets(deps, { siteId: doc.id });
    }
  }
}
