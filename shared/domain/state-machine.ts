import type { Role } from '../schemas/common';
import type { TicketStatus } from '../schemas/ticket';
import type { WorkOrderStatus } from '../schemas/work-order';
import { withArticle } from './wording';

/**
 * A status machine as data: for each state, the states it may move to and which roles may make
 * that move. Kept as plain objects so the app can render only the legal buttons and the server
 * can explain a refusal with the same table.
 */
export type StateMachine<S extends string> = {
  name: string;
  terminal: readonly S[];
  transitions: { readonly [From in S]: Partial<Record<S, readonly Role[]>> };
};

const ALL: readonly Role[] = ['admin', 'dispatcher', 'engineer', 'site_manager'];
const DESK: readonly Role[] = ['admin', 'dispatcher'];
const WORKERS: readonly Role[] = ['admin', 'dispatcher', 'engineer'];

export const TICKET_MACHINE: StateMachine<TicketStatus> = {
  name: 'ticket',
  terminal: ['closed', 'cancelled'],
  transitions: {
    new: { assigned: DESK, in_progress: WORKERS, cancelled: ALL, resolved: WORKERS },
    assigned: { new: DESK, in_progress: WORKERS, on_hold: WORKERS, resolved: WORKERS, cancelled: DESK },
    in_progress: { assigned: DESK, on_hold: WORKERS, resolved: WORKERS, cancelled: DESK },
    on_hold: { in_progress: WORKERS, assigned: DESK, resolved: WORKERS, cancelled: DESK },
    // Reopening puts a resolved ticket back to work; the SLA resolution clock resumes.
    resolved: { closed: DESK, in_progress: WORKERS },
    closed: {},
    cancelled: {},
  },
};

export const WORK_ORDER_MACHINE: StateMachine<WorkOrderStatus> = {
  name: 'work order',
  terminal: ['completed', 'cancelled'],
  transitions: {
    scheduled: { en_route: WORKERS, on_site: WORKERS, on_hold: WORKERS, cancelled: DESK },
    en_route: { on_site: WORKERS, scheduled: WORKERS, on_hold: WORKERS, cancelled: DESK },
    on_site: { in_progress: WORKERS, on_hold: WORKERS, completed: WORKERS, cancelled: DESK },
    in_progress: { on_hold: WORKERS, completed: WORKERS, cancelled: DESK },
    on_hold: { scheduled: DESK, en_route: WORKERS, on_site: WORKERS, in_progress: WORKERS, cancelled: DESK },
    completed: {},
    cancelled: {},
  },
};

/** A job the engineer is on: travelling to it or working it. It heads their day, whatever its date. */
export const WORK_ORDER_UNDER_WAY: readonly WorkOrderStatus[] = ['en_route', 'on_site', 'in_progress'];

export function nextStatuses<S extends string>(machine: StateMachine<S>, from: S, role: Role): S[] {
  const targets = machine.transitions[from];
  return (Object.keys(targets) as S[]).filter((to) => targets[to]?.includes(role));
}

/** Why `from → to` is refused for this role, or null when it is allowed. Staying put is always allowed. */
export function explainTransitionRefusal<S extends string>(
  machine: StateMachine<S>,
  from: S,
  to: S,
  role: Role,
): string | null {
  if (from === to) return null;
  if (machine.terminal.includes(from)) return `${withArticle(machine.name)} that is ${from} cannot change status (asked for ${to})`;
  const roles = machine.transitions[from][to];
  if (!roles) {
    const legal = Object.keys(machine.transitions[from]).join(', ');
    return `${withArticle(machine.name)} cannot go from ${from} to ${to} (allowed: ${legal})`;
  }
  if (!roles.includes(role)) return `${withArticle(role)} cannot move ${withArticle(machine.name)} from ${from} to ${to}`;
  return null;
}

/**
 * Statuses reachable from `from` through moves this role may make. Offline, several moves collapse
 * into one synced change (scheduled → … → completed arrives as scheduled → completed), so a
 * synced status change is judged by reachability, while the UI still offers single steps.
 */
export function reachableStatuses<S extends string>(machine: StateMachine<S>, from: S, role: Role): Set<S> {
  const reached = new Set<S>();
  const queue: S[] = [from];
  while (queue.length > 0) {
    const current = queue.shift() as S;
    for (const next of nextStatuses(machine, current, role)) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return reached;
}

/** Why a synced status change is refused (no path of allowed moves leads there), or null. */
export function explainStatusChangeRefusal<S extends string>(machine: StateMachine<S>, from: S, to: S, role: Role): string | null {
  if (from === to || reachableStatuses(machine, from, role).has(to)) return null;
  return explainTransitionRefusal(machine, from, to, role) ?? `${withArticle(role)} cannot bring ${withArticle(machine.name)} from ${from} to ${to}`;
}
