import { WORK_ORDER_MACHINE } from '@shared/domain/state-machine';
import { OPEN_TICKET_STATUSES } from '@shared/domain/ticket-queue';
import type { Ticket } from '@shared/schemas/ticket';
import type { WorkOrder } from '@shared/schemas/work-order';

export type SlaWorst = Ticket['sla']['state'] | 'none';
/** How urgent each state is: markers and clusters sort and colour by it. */
export const SLA_RANK: Record<SlaWorst, number> = { none: 0, ok: 1, warning: 2, breached: 3 };

/** The most urgent of some SLA states (breached > warning > ok > none); `none` for no states. */
export function worstOf(states: Iterable<SlaWorst>): SlaWorst {
  let worst: SlaWorst = 'none';
  for (const state of states) if (SLA_RANK[state] > SLA_RANK[worst]) worst = state;
  return worst;
}

/** Open tickets per site and the worst SLA state among them (the marker's colour). */
export function summariseSites(tickets: readonly Ticket[]): Map<string, { open: Ticket[]; worst: SlaWorst }> {
  const bySite = new Map<string, { open: Ticket[]; worst: SlaWorst }>();
  for (const ticket of tickets) {
    if (!OPEN_TICKET_STATUSES.includes(ticket.status)) continue;
    const entry = bySite.get(ticket.siteId) ?? { open: [], worst: 'none' };
    entry.open.push(ticket);
    entry.worst = worstOf([entry.worst, ticket.sla.state]);
    bySite.set(ticket.siteId, entry);
  }
  return bySite;
}

export type LastCheckIn = NonNullable<WorkOrder['checkIn']> & { siteId: string };

/** Each engineer's latest check-in position, with the site of that job (its time is shown on that site's clock). */
export function lastCheckIns(workOrders: readonly WorkOrder[]): Map<string, LastCheckIn> {
  const latest = new Map<string, LastCheckIn>();
  for (const wo of workOrders) {
    const seen = latest.get(wo.assigneeId);
    if (wo.checkIn && (!seen || wo.checkIn.at > seen.at)) latest.set(wo.assigneeId, { ...wo.checkIn, siteId: wo.siteId });
  }
  return latest;
}

/**
 * Work orders scheduled on the device's current day that are not finished: the desk's day, as the
 * schedule board's default clock. Each job's time is then shown on its site's clock (MapPage).
 */
export function todaysWorkOrders(workOrders: readonly WorkOrder[], now: Date): WorkOrder[] {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = start.getTime() + 86_400_000;
  return workOrders
    .filter((wo) => Date.parse(wo.scheduledStart) < end && Date.parse(wo.scheduledEnd) >= start.getTime() && !WORK_ORDER_MACHINE.terminal.includes(wo.status))
    .sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
}
