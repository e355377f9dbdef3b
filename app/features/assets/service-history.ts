import { combineLatest, map, type Observable } from 'rxjs';
import type { Ticket } from '@shared/schemas/ticket';
import type { WorkOrder } from '@shared/schemas/work-order';
import type { AppDatabase } from '../../db/database';
import { toDomain } from '../../db/hooks';
import { CLOSED_TICKET_STATUSES } from './asset-queries';

/**
 * An asset's service history: the work done on it and the problems it had, newest first. What a
 * site manager or an engineer standing at the asset asks first ("what happened to it last time?").
 * Each role sees what is on its device: the desk every job, an engineer their own, a site manager
 * the tickets (work orders are not in a site manager's scope).
 */
export type HistoryEntry =
  | { kind: 'workOrder'; at: string; workOrder: WorkOrder }
  | { kind: 'ticket'; at: string; ticket: Ticket };

/** When a closed ticket ended: its recorded resolution, else when it entered its final status. */
export function ticketEndedAt(ticket: Ticket): string {
  return ticket.sla.resolvedAt ?? ticket.statusChangedAt ?? ticket.updatedAt;
}

/** Completed jobs and closed tickets merged newest first, cut to `limit`. */
export function serviceHistory(workOrders: readonly WorkOrder[], tickets: readonly Ticket[], limit: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...workOrders.filter((wo) => wo.status === 'completed').map((workOrder): HistoryEntry => ({ kind: 'workOrder', at: workOrder.completedAt ?? workOrder.updatedAt, workOrder })),
    ...tickets.filter((ticket) => CLOSED_TICKET_STATUSES.includes(ticket.status)).map((ticket): HistoryEntry => ({ kind: 'ticket', at: ticketEndedAt(ticket), ticket })),
  ];
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, limit);
}

/** The asset's history, live; one more than `limit` is kept so the screen knows there is more. */
export function serviceHistory$(db: AppDatabase, assetId: string, limit: number): Observable<{ entries: HistoryEntry[]; more: boolean }> {
  const workOrders$ = db.workOrders.find({ selector: { assetId, status: 'completed' } }).$;
  const tickets$ = db.tickets.find({ selector: { assetId, status: { $in: [...CLOSED_TICKET_STATUSES] } } }).$;
  return combineLatest([workOrders$, tickets$]).pipe(
    map(([workOrderDocs, ticketDocs]) => {
      const entries = serviceHistory(
        workOrderDocs.map((doc) => toDomain<WorkOrder>(doc.toJSON())),
        ticketDocs.map((doc) => toDomain<Ticket>(doc.toJSON())),
        limit + 1,
      );
      return { entries: entries.slice(0, limit), more: entries.length > limit };
    }),
  );
}
