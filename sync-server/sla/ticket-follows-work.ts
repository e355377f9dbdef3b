import { ticketMoveFor } from '@shared/domain/ticket-follows-work';
import type { SlaPolicy } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { WorkOrder } from '@shared/schemas/work-order';
import type { ServiceDeps } from '../app-deps';
import { parseStoredDoc } from '../replication/visibility';
import { activityAcl, buildActivity } from '../services/audit';
import { workOrdersOfTicket } from '../services/ticket-readers';
import { ticketSlaFields } from './ticket-fields';

const MVCC_ATTEMPTS = 5;

/**
 * Moves a work order's ticket along with the job (shared/domain/ticket-follows-work.ts), as the
 * engineer who pushed the job's change, with the SLA fields computed as for any ticket write and an
 * activity on the ticket. Under MVCC: a ticket changed meanwhile is read again and judged again.
 */
export async function advanceTicketOfWorkOrder(deps: ServiceDeps, before: WorkOrder | undefined, after: WorkOrder, actorId: string): Promise<void> {
  if (!after.ticketId || before?.status === after.status) return;
  const { store, logger } = deps;
  const siblings = await workOrdersOfTicket(deps, after.ticketId);
  for (let attempt = 0; attempt < MVCC_ATTEMPTS; attempt++) {
    const stored = await store.get('tickets', after.ticketId);
    const ticket = stored && (parseStoredDoc('tickets', stored.fields, logger) as Ticket | undefined);
    if (!stored || !ticket) return;
    const move = ticketMoveFor(ticket, before, after, siblings);
    if (!move) return;
    const [policyStored, siteStored] = await Promise.all([store.get('slaPolicies', ticket.slaPolicyId), store.get('sites', ticket.siteId)]);
    const policy = policyStored && (parseStoredDoc('slaPolicies', policyStored.fields, logger) as SlaPolicy | undefined);
    const site = siteStored && (parseStoredDoc('sites', siteStored.fields, logger) as Site | undefined);
    const now = deps.clock.now();
    const moved: Ticket = { ...ticket, status: move.status, statusChangedAt: move.at, updatedAt: now.toISOString() };
    const next: Ticket = policy ? { ...moved, ...ticketSlaFields(moved, ticket, policy, site, now, logger) } : { ...moved, statusChangedAt: now.toISOString() };
    const [result] = await store.bulkPut('tickets', [{ doc: next, acl: stored.acl, rev: stored.rev }]);
    if (result?.ok) {
      await store.bulkPut('activities', [{ doc: buildActivity('tickets', ticket, next, actorId, next.updatedAt), acl: activityAcl(stored.acl) }]);
      return;
    }
  }
  logger.warn({ ticketId: after.ticketId, workOrderId: after.id }, 'ticket kept changing while its work order moved it; left as it is');
}
