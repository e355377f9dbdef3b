import { explainWriteRefusal } from '@shared/domain/permissions';
import type { Principal } from '@shared/domain/principal';
import type { WorkOrder } from '@shared/schemas/work-order';
import { shownNumber, WORK_ORDER_STATUS_LABELS } from '../../components/labels';
import type { AppDatabase } from '../../db/database';
import { ticketFollowingJob } from '../tickets/ticket-drafts';
import { updateTicket } from '../tickets/update-ticket';
import { updateWorkOrder } from './update-work-order';
import { InputError, isTerminal, rescheduleWorkOrder, type Schedule } from './work-order-actions';

/**
 * Why `principal` may not give `wo` this engineer and slot, in words, or undefined. A finished job
 * is a record of what happened; the role rules are the server's own (shared/domain/permissions.ts),
 * so a refusal shows on the device, offline too, instead of coming back from a push.
 */
export function moveRefusal(wo: WorkOrder, principal: Principal, schedule: Schedule): string | undefined {
  const number = shownNumber(wo.number);
  if (isTerminal(wo)) return `${number} is ${WORK_ORDER_STATUS_LABELS[wo.status].toLowerCase()}: a finished job keeps its engineer and time.`;
  const refusal = explainWriteRefusal(principal, 'workOrders', wo, { ...wo, ...schedule });
  return refusal ? `${number} cannot be moved from this account: ${refusal.message} (assignment and schedule are the desk's).` : undefined;
}

/**
 * The desk's one way to give a job another engineer and/or time (the work order page and the
 * schedule board): a synced edit of the stored work order (offline too; a concurrent change meets
 * the usual merge, where the desk owns assignment and schedule), and when the engineer changes, the
 * ticket follows (ticketFollowingJob), as it did when the job was created from it.
 */
export async function reassignWorkOrder(db: AppDatabase, principal: Principal, id: string, schedule: Schedule): Promise<WorkOrder> {
  let previousAssignee: string | undefined;
  const saved = await updateWorkOrder(db, id, (current) => {
    const refusal = moveRefusal(current, principal, schedule);
    if (refusal) throw new InputError(refusal, '');
    previousAssignee = current.assigneeId;
    return rescheduleWorkOrder(current, schedule);
  });
  const from = previousAssignee;
  if (saved.ticketId && from && from !== saved.assigneeId) {
    // The job is saved either way; a ticket not on this device (outside the desk's scope) stays as it is.
    const ticket = await db.tickets.findOne(saved.ticketId).exec();
    if (ticket) await updateTicket(db, saved.ticketId, (current) => ticketFollowingJob(current, from, saved.assigneeId) ?? current);
  }
  return saved;
}
