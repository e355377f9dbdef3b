import { describe, expect, it } from 'vitest';
import { ticketFollowingJob } from '@app/features/tickets/ticket-drafts';
import { moveRefusal } from '@app/features/work-orders/reassign-work-order';
import { buildPrincipal, buildTicket, buildWorkOrder } from '../../helpers/factories';

const schedule = { assigneeId: 'user-eng2', scheduledStart: '2026-03-02T13:00:00.000Z', scheduledEnd: '2026-03-02T15:00:00.000Z' };

describe('who may move a job', () => {
  it('lets the desk move an open job', () => {
    expect(moveRefusal(buildWorkOrder(), buildPrincipal('dispatcher'), schedule)).toBeUndefined();
    expect(moveRefusal(buildWorkOrder({ status: 'on_hold' }), buildPrincipal('admin'), schedule)).toBeUndefined();
  });

  it('keeps a finished job where it was, saying so', () => {
    expect(moveRefusal(buildWorkOrder({ number: 'WO-000042', status: 'completed' }), buildPrincipal('dispatcher'), schedule)).toBe(
      'WO-000042 is completed: a finished job keeps its engineer and time.',
    );
    expect(moveRefusal(buildWorkOrder({ status: 'cancelled' }), buildPrincipal('admin'), schedule)).toMatch(/is cancelled/);
  });

  it('refuses an engineer by the server’s own role rules', () => {
    const refusal = moveRefusal(buildWorkOrder({ assigneeId: 'user-eng1' }), buildPrincipal('engineer', { id: 'user-eng1' }), schedule);
    expect(refusal).toMatch(/cannot be moved from this account: an engineer cannot change assigneeId/);
  });
});

describe('a ticket following its job to another engineer', () => {
  it('goes with the job when it was that engineer’s or nobody’s; a new one becomes assigned', () => {
    expect(ticketFollowingJob(buildTicket({ status: 'assigned', assigneeId: 'user-eng1' }), 'user-eng1', 'user-eng2')).toMatchObject({ assigneeId: 'user-eng2', status: 'assigned' });
    expect(ticketFollowingJob(buildTicket({ status: 'new' }), 'user-eng1', 'user-eng2')).toMatchObject({ assigneeId: 'user-eng2', status: 'assigned' });
    expect(ticketFollowingJob(buildTicket({ status: 'in_progress', assigneeId: 'user-eng1' }), 'user-eng1', 'user-eng2')).toMatchObject({ assigneeId: 'user-eng2', status: 'in_progress' });
  });

  it('stays with another engineer who holds it, and stays put once resolved, or when the engineer is the same', () => {
    expect(ticketFollowingJob(buildTicket({ status: 'assigned', assigneeId: 'user-eng3' }), 'user-eng1', 'user-eng2')).toBeUndefined();
    expect(ticketFollowingJob(buildTicket({ status: 'resolved', assigneeId: 'user-eng1' }), 'user-eng1', 'user-eng2')).toBeUndefined();
    expect(ticketFollowingJob(buildTicket({ status: 'assigned', assigneeId: 'user-eng1' }), 'user-eng1', 'user-eng1')).toBeUndefined();
  });
});
