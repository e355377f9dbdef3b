import { type ScopeKey, userKey } from '@shared/domain/scope';
import type { Ticket } from '@shared/schemas/ticket';
import type { WorkOrder } from '@shared/schemas/work-order';
import type { AppDeps } from '../app-deps';
import { parseStoredDoc } from '../replication/visibility';
import { RevisionConflictError } from '../store/store-errors';
import { computeAcl, isSameAcl } from './acl';
import { refreshChildAcls } from './child-acl';

const MVCC_ATTEMPTS = 5;

/**
 * The engineers of a ticket's work orders read the ticket, with its comments and photos, as its
 * assignee does: the desk can hand the ticket to someone else (or never assign it) while an
 * engineer is on the job, and that engineer still needs the reported problem, the SLA and the
 * conversation. Keyed by ticket id, from the work orders' `by-ticket` index.
 */
export async function workOrderReaders(deps: Pick<AppDeps, 'store' | 'logger'>, ticketIds: readonly string[]): Promise<Map<string, ScopeKey[]>> {
  const readers = new Map<string, ScopeKey[]>();
  const found = await Promise.all([...new Set(ticketIds)].map((ticketId) => workOrdersOfTicket(deps, ticketId)));
  for (const wo of found.flat()) {
    if (!wo.ticketId || wo._deleted) continue;
    readers.set(wo.ticketId, [...(readers.get(wo.ticketId) ?? []), userKey(wo.assigneeId)]);
  }
  return readers;
}

/** A ticket's work orders, from their `by-ticket` index (one equality query: the index serves it as a range, `$in` as a scan of it all). */
export async function workOrdersOfTicket(deps: Pick<AppDeps, 'store' | 'logger'>, ticketId: string): Promise<WorkOrder[]> {
  const stored = await deps.store.find('workOrders', { ticketId }, 1000, { useIndex: 'by-ticket' });
  return stored.flatMap((entry) => (parseStoredDoc('workOrders', entry.fields, deps.logger) as WorkOrder | undefined) ?? []);
}

/**
 * After work orders moved (a new one, another engineer, another ticket), the tickets they point at
 * now or pointed at before get their readers again, and their children follow. Only the access
 * metadata changes: devices that gained the ticket receive it, devices that lost it drop it.
 */
export async function refreshTicketReaders(deps: Pick<AppDeps, 'store' | 'logger'>, ticketIds: readonly string[]): Promise<void> {
  for (const ticketId of new Set(ticketIds)) {
    // The work orders are what changed; a lost race on the ticket only needs the ticket read again.
    const extraReaders = (await workOrderReaders(deps, [ticketId])).get(ticketId);
    for (let attempt = 0; attempt < MVCC_ATTEMPTS; attempt++) {
      const stored = await deps.store.get('tickets', ticketId);
      const ticket = stored && (parseStoredDoc('tickets', stored.fields, deps.logger) as Ticket | undefined);
      if (!stored || !ticket) break;
      const acl = computeAcl('tickets', ticket, stored.acl, undefined, extraReaders);
      if (isSameAcl(acl, stored.acl)) break;
      try {
        // Only its readers change: what its last push left for the pushing device still holds (PushOrigin).
        await deps.store.put('tickets', ticket, acl, stored.rev, stored.origin);
        await refreshChildAcls(deps, 'tickets', ticketId, acl);
        break;
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
      }
    }
  }
}
