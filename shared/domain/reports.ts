import type { Ticket } from '../schemas/ticket';
import type { WorkOrder } from '../schemas/work-order';

/**
 * The dispatcher's report figures, computed from local documents (pure, so the same numbers come
 * out in the app and in tests). Definitions:
 *
 * - **SLA compliance %**: of the tickets whose outcome is decided — resolved (on time or late) or
 *   still open past their resolution due time — the share resolved on time. Cancelled tickets and
 *   open tickets not yet due are left out. null with nothing decided.
 * - **Mean time to resolve**: mean of resolvedAt − createdAt over resolved tickets (ms), null if none.
 * - **First-time-fix rate %**: of the tickets with a completed work order, the share fixed by their
 *   first visit: exactly one work order that was not cancelled, and it is completed.
 * - **Volume**: tickets created, by category, and per period (day or ISO week, UTC) by site.
 *
 * Tickets count when created inside the range (from inclusive, to exclusive); no range counts all.
 */
export type ReportRange = { from?: string; to?: string };
export type Bucket = 'day' | 'week';
export type VolumeRow = { period: string; total: number; bySite: Record<string, number> };

export type ReportFigures = {
  ticketCount: number;
  slaCompliancePct: number | null;
  slaDecided: number;
  slaMet: number;
  meanTimeToResolveMs: number | null;
  resolvedCount: number;
  firstTimeFixPct: number | null;
  firstTimeFixes: number;
  fixedTickets: number;
  volumeByCategory: { category: string; count: number }[];
  volumeOverTime: VolumeRow[];
};

type ReportTicket = Pick<Ticket, 'id' | 'createdAt' | 'status' | 'category' | 'siteId' | 'sla'>;
type ReportWorkOrder = Pick<WorkOrder, 'ticketId' | 'status'>;

export function computeReport(
  tickets: readonly ReportTicket[],
  workOrders: readonly ReportWorkOrder[],
  options: { now: Date; range?: ReportRange; bucket?: Bucket },
): ReportFigures {
  const inRange = tickets.filter((ticket) => isInRange(ticket.createdAt, options.range));
  const sla = slaCompliance(inRange, options.now);
  const resolved = inRange.filter((ticket) => ticket.sla.resolvedAt);
  const totalResolveMs = resolved.reduce((sum, ticket) => sum + (Date.parse(ticket.sla.resolvedAt ?? '') - Date.parse(ticket.createdAt)), 0);
  const ftf = firstTimeFix(inRange, workOrders);
  return {
    ticketCount: inRange.length,
    slaCompliancePct: percent(sla.met, sla.decided),
    slaDecided: sla.decided,
    slaMet: sla.met,
    meanTimeToResolveMs: resolved.length > 0 ? Math.round(totalResolveMs / resolved.length) : null,
    resolvedCount: resolved.length,
    firstTimeFixPct: percent(ftf.fixedFirstTime, ftf.fixed),
    firstTimeFixes: ftf.fixedFirstTime,
    fixedTickets: ftf.fixed,
    volumeByCategory: countBy(inRange, (ticket) => ticket.category)
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    volumeOverTime: volumeOverTime(inRange, options.bucket ?? 'week'),
  };
}

function isInRange(iso: string, range: ReportRange | undefined): boolean {
  const at = Date.parse(iso);
  if (range?.from && at < Date.parse(range.from)) return false;
  if (range?.to && at >= Date.parse(range.to)) return false;
  return true;
}

function slaCompliance(tickets: readonly ReportTicket[], now: Date): { decided: number; met: number } {
  let decided = 0;
  let met = 0;
  for (const ticket of tickets) {
    if (ticket.status === 'cancelled') continue;
    const due = Date.parse(ticket.sla.resolutionDueAt);
    if (ticket.sla.resolvedAt) {
      decided++;
      if (Date.parse(ticket.sla.resolvedAt) <= due) met++;
    } else if (now.getTime() > due) {
      decided++;
    }
  }
  return { decided, met };
}

function firstTimeFix(tickets: readonly ReportTicket[], workOrders: readonly ReportWorkOrder[]): { fixed: number; fixedFirstTime: number } {
  const byTicket = new Map<string, ReportWorkOrder[]>();
  for (const wo of workOrders) {
    if (!wo.ticketId || wo.status === 'cancelled') continue;
    byTicket.set(wo.ticketId, [...(byTicket.get(wo.ticketId) ?? []), wo]);
  }
  let fixed = 0;
  let fixedFirstTime = 0;
  for (const ticket of tickets) {
    const visits = byTicket.get(ticket.id) ?? [];
    if (!visits.some((wo) => wo.status === 'completed')) continue;
    fixed++;
    if (visits.length === 1) fixedFirstTime++;
  }
  return { fixed, fixedFirstTime };
}

function volumeOverTime(tickets: readonly ReportTicket[], bucket: Bucket): VolumeRow[] {
  const rows = new Map<string, VolumeRow>();
  for (const ticket of tickets) {
    const period = periodOf(ticket.createdAt, bucket);
    const row = rows.get(period) ?? { period, total: 0, bySite: {} };
    row.total++;
    row.bySite[ticket.siteId] = (row.bySite[ticket.siteId] ?? 0) + 1;
    rows.set(period, row);
  }
  return [...rows.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** The UTC day, or the Monday starting the ISO week, as YYYY-MM-DD. */
export function periodOf(iso: string, bucket: Bucket): string {
  const day = new Date(iso);
  const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  if (bucket === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  return start.toISOString().slice(0, 10);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts];
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
