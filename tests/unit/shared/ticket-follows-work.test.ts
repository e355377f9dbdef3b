import { describe, expect, it } from 'vitest';
import { ticketMoveFor } from '@shared/domain/ticket-follows-work';
import type { WorkOrder } from '@shared/schemas/work-order';
import { buildTicket, buildWorkOrder } from '../../helpers/factories';

const ticket = buildTicket({ id: 'tck-1', status: 'assigned' });
const job = (status: WorkOrder['status'], overrides: Partial<WorkOrder> = {}) => buildWorkOrder({ id: 'wo-1', ticketId: 'tck-1', status, ...overrides });

describe('a ticket follows the work on it', () => {
  it('goes in progress when work starts on site, at the check-in time', () => {
    const checkIn = { lat: 51.5, lng: -0.02, accuracy: 10, at: '2026-03-02T09:58:00.000Z' };
    expect(ticketMoveFor(ticket, job('en_route'), job('on_site', { checkIn }), [])).toEqual({ status: 'in_progress', at: checkIn.at });
    expect(ticketMoveFor(ticket, job('on_site'), job('in_progress'), [])).toEqual({ status: 'in_progress', at: undefined });
    // Already started, or only travelling: nothing to move.
    expect(ticketMoveFor({ ...ticket, status: 'in_progress' }, job('en_route'), job('on_site'), [])).toBeUndefined();
    expect(ticketMoveFor(ticket, job('scheduled'), job('en_route'), [])).toBeUndefined();
  });

  it('is resolved, at the completion time, once its last open job is completed', () => {
    const done = job('completed', { completedAt: '2026-03-02T11:00:00.000Z' });
    const other = buildWorkOrder({ id: 'wo-2', ticketId: 'tck-1', status: 'in_progress' });
    expect(ticketMoveFor({ ...ticket, status: 'in_progress' }, job('in_progress'), done, [other])).toBeUndefined();
    expect(ticketMoveFor({ ...ticket, status: 'in_progress' }, job('in_progress'), done, [{ ...other, status: 'cancelled' }])).toEqual({ status: 'resolved', at: done.completedAt });
    // Offline, a job can go from scheduled straight to completed: the ticket is resolved all the same.
    expect(ticketMoveFor(ticket, job('scheduled'), done, [])).toEqual({ status: 'resolved', at: done.completedAt });
  });

  it('leaves the ticket alone otherwise', () => {
    expect(ticketMoveFor(ticket, job('in_progress'), job('on_hold'), [])).toBeUndefined();
    expect(ticketMoveFor(ticket, job('scheduled'), job('cancelled'), [])).toBeUndefined();
    expect(ticketMoveFor({ ...ticket, status: 'closed' }, job('in_progress'), job('completed'), [])).toBeUndefined();
    expect(ticketMoveFor(ticket, job('in_progress'), job('in_progress', { notes: [] }), [])).toBeUndefined();
  });
});
