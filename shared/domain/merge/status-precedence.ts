import type { TicketStatus } from '../../schemas/ticket';
import type { WorkOrderStatus } from '../../schemas/work-order';

/**
 * When both sides changed a status to different values, the one ranked higher here wins, whoever
 * pushed first (so the order in which devices reconnect does not matter). The ranks follow the
 * work: progress beats going back, a finished job beats one still running, and the desk's
 * cancellation beats any state that is still open. Every winner can be reached from every lower
 * state by the state machine (shared/domain/state-machine.ts), so the merged status is a legal
 * move over either side — except for pairs where neither state can reach the other (work order
 * completed vs cancelled; ticket resolved or closed vs cancelled): terminal states cannot be
 * left, so there the state the server reached first stays and the other becomes a conflict
 * record (see fit-to-role.ts and docs/decisions.md).
 *
 * | work order  | rank |   | ticket      | rank |
 * |-------------|------|---|-------------|------|
 * | scheduled   | 0    |   | new         | 0    |
 * | en_route    | 1    |   | assigned    | 1    |
 * | on_hold     | 2    |   | on_hold     | 2    |
 * | on_site     | 3    |   | in_progress | 3    |
 * | in_progress | 4    |   | resolved    | 4    |
 * | cancelled   | 5    |   | cancelled   | 5    |
 * | completed   | 6    |   | closed      | 6    |
 */
export const WORK_ORDER_STATUS_RANK: Record<WorkOrderStatus, number> = {
  scheduled: 0,
  en_route: 1,
  on_hold: 2,
  on_site: 3,
  in_progress: 4,
  cancelled: 5,
  completed: 6,
};

export const TICKET_STATUS_RANK: Record<TicketStatus, number> = {
  new: 0,
  assigned: 1,
  on_hold: 2,
  in_progress: 3,
  resolved: 4,
  cancelled: 5,
  closed: 6,
};

const RANKS: Record<string, Record<string, number>> = { workOrder: WORK_ORDER_STATUS_RANK, ticket: TICKET_STATUS_RANK };

/** The status that wins when both sides changed it; unknown types or values fall back to a stable order. */
export function precedingStatus(docType: string, a: string, b: string): string {
  const ranks = RANKS[docType];
  const rankA = ranks?.[a] ?? -1;
  const rankB = ranks?.[b] ?? -1;
  if (rankA !== rankB) return rankA > rankB ? a : b;
  return a > b ? a : b;
}
