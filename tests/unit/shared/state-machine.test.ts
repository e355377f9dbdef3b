import { describe, expect, it } from 'vitest';
import {
  explainTransitionRefusal,
  nextStatuses,
  TICKET_MACHINE,
  WORK_ORDER_MACHINE,
  type StateMachine,
} from '@shared/domain/state-machine';
import { ROLES } from '@shared/schemas/common';
import { TICKET_STATUSES } from '@shared/schemas/ticket';
import { WORK_ORDER_STATUSES } from '@shared/schemas/work-order';

describe('work order state machine', () => {
  it('lets an engineer move a job forward on site', () => {
    expect(explainTransitionRefusal(WORK_ORDER_MACHINE, 'scheduled', 'en_route', 'engineer')).toBeNull();
    expect(explainTransitionRefusal(WORK_ORDER_MACHINE, 'en_route', 'on_site', 'engineer')).toBeNull();
    expect(explainTransitionRefusal(WORK_ORDER_MACHINE, 'on_site', 'in_progress', 'engineer')).toBeNull();
    expect(explainTransitionRefusal(WORK_ORDER_MACHINE, 'in_progress', 'completed', 'engineer')).toBeNull();
  });

  it('refuses a jump that is not in the table, naming from, to and the legal moves', () => {
    const reason = explainTransitionRefusal(WORK_ORDER_MACHINE, 'scheduled', 'completed', 'dispatcher');
    expect(reason).toContain('scheduled');
    expect(reason).toContain('completed');
    expect(reason).toContain('allowed: en_route, on_site, on_hold, cancelled');
  });

  it('keeps cancellation with the desk', () => {
    const reason = explainTransitionRefusal(WORK_ORDER_MACHINE, 'in_progress', 'cancelled', 'engineer');
    expect(reason).toMatch(/engineer cannot move a work order from in_progress to cancelled/);
    expect(explainTransitionRefusal(WORK_ORDER_MACHINE, 'in_progress', 'cancelled', 'dispatcher')).toBeNull();
  });

  it('keeps site managers out of work orders entirely', () => {
    expect(explainTransitionRefusal(WORK_ORDER_MACHINE, 'scheduled', 'en_route', 'site_manager')).toBe('a site manager cannot move a work order from scheduled to en_route');
    expect(nextStatuses(WORK_ORDER_MACHINE, 'scheduled', 'site_manager')).toEqual([]);
  });

  it('does not reopen a completed or cancelled work order, whoever asks', () => {
    for (const from of WORK_ORDER_MACHINE.terminal) {
      for (const role of ROLES) {
        const reason = explainTransitionRefusal(WORK_ORDER_MACHINE, from, 'in_progress', role);
        expect(reason).toBe(`a work order that is ${from} cannot change status (asked for in_progress)`);
      }
    }
  });

  it('lists the next statuses per role', () => {
    expect(nextStatuses(WORK_ORDER_MACHINE, 'on_hold', 'engineer')).toEqual(['en_route', 'on_site', 'in_progress']);
    expect(nextStatuses(WORK_ORDER_MACHINE, 'on_hold', 'dispatcher')).toEqual(['scheduled', 'en_route', 'on_site', 'in_progress', 'cancelled']);
    expect(nextStatuses(WORK_ORDER_MACHINE, 'completed', 'admin')).toEqual([]);
  });
});

describe('ticket state machine', () => {
  it('lets the desk assign and close, and workers resolve', () => {
    expect(explainTransitionRefusal(TICKET_MACHINE, 'new', 'assigned', 'dispatcher')).toBeNull();
    expect(explainTransitionRefusal(TICKET_MACHINE, 'assigned', 'in_progress', 'engineer')).toBeNull();
    expect(explainTransitionRefusal(TICKET_MACHINE, 'in_progress', 'resolved', 'engineer')).toBeNull();
    expect(explainTransitionRefusal(TICKET_MACHINE, 'resolved', 'closed', 'dispatcher')).toBeNull();
  });

  it('refuses an engineer closing a ticket, naming role, from and to', () => {
    expect(explainTransitionRefusal(TICKET_MACHINE, 'resolved', 'closed', 'engineer')).toMatch(
      /engineer cannot move a ticket from resolved to closed/,
    );
  });

  it('refuses a ticket going back to new from in progress', () => {
    const reason = explainTransitionRefusal(TICKET_MACHINE, 'in_progress', 'new', 'admin');
    expect(reason).toMatch(/from in_progress to new/);
  });

  it('lets a resolved ticket be reopened but not a closed one', () => {
    expect(explainTransitionRefusal(TICKET_MACHINE, 'resolved', 'in_progress', 'engineer')).toBeNull();
    expect(explainTransitionRefusal(TICKET_MACHINE, 'closed', 'in_progress', 'admin')).toBe('a ticket that is closed cannot change status (asked for in_progress)');
  });

  it('lets a site manager only cancel a new ticket', () => {
    expect(nextStatuses(TICKET_MACHINE, 'new', 'site_manager')).toEqual(['cancelled']);
    expect(nextStatuses(TICKET_MACHINE, 'assigned', 'site_manager')).toEqual([]);
  });
});

describe('both machines', () => {
  const machines: { name: string; machine: StateMachine<string>; statuses: readonly string[] }[] = [
    { name: 'ticket', machine: TICKET_MACHINE, statuses: TICKET_STATUSES },
    { name: 'work order', machine: WORK_ORDER_MACHINE, statuses: WORK_ORDER_STATUSES },
  ];

  it.each(machines)('$name: every status has a row, terminal rows are empty, targets are real statuses', ({ machine, statuses }) => {
    expect(Object.keys(machine.transitions).sort()).toEqual([...statuses].sort());
    for (const terminal of machine.terminal) expect(machine.transitions[terminal]).toEqual({});
    for (const from of statuses) {
      for (const to of Object.keys(machine.transitions[from] ?? {})) {
        expect(statuses).toContain(to);
        expect(to).not.toBe(from);
      }
    }
  });

  it.each(machines)('$name: staying put is always allowed, and nextStatuses agrees with the refusals', ({ machine, statuses }) => {
    for (const from of statuses) {
      for (const role of ROLES) {
        expect(explainTransitionRefusal(machine, from, from, role)).toBeNull();
        const legal = nextStatuses(machine, from, role);
        for (const to of statuses.filter((status) => status !== from)) {
          expect(explainTransitionRefusal(machine, from, to, role) === null).toBe(legal.includes(to));
        }
      }
    }
  });
});

describe('synced status changes are judged by reachability', () => {
  it('lets an engineer’s offline scheduled → … → completed arrive as one change', async () => {
    const { explainStatusChangeRefusal, reachableStatuses } = await import('@shared/domain/state-machine');
    expect(explainStatusChangeRefusal(WORK_ORDER_MACHINE, 'scheduled', 'completed', 'engineer')).toBeNull();
    expect(reachableStatuses(WORK_ORDER_MACHINE, 'scheduled', 'engineer').has('cancelled')).toBe(false);
    expect(explainStatusChangeRefusal(WORK_ORDER_MACHINE, 'scheduled', 'cancelled', 'engineer')).toMatch(/engineer/);
    expect(explainStatusChangeRefusal(WORK_ORDER_MACHINE, 'completed', 'in_progress', 'admin')).toMatch(/completed cannot change status/);
    expect(explainStatusChangeRefusal(TICKET_MACHINE, 'new', 'closed', 'dispatcher')).toBeNull();
    expect(explainStatusChangeRefusal(TICKET_MACHINE, 'new', 'closed', 'site_manager')).not.toBeNull();
  });
});
