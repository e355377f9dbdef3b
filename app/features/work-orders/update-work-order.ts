import type { WorkOrder } from '@shared/schemas/work-order';
import { readWorkOrder } from '../../db/attachments';
import type { AppDatabase } from '../../db/database';
import { saveDocument } from '../../db/writes';
import { InputError } from './work-order-actions';

const queues = new Map<string, Promise<unknown>>();

/**
 * Applies `change` to the work order as stored now and saves it. Changes to one work order run one
 * after the other, each on the result of the previous one: two quick taps (tick two checklist items)
 * built from the same rendered copy would otherwise undo each other.
 */
export function updateWorkOrder(db: AppDatabase, id: string, change: (current: WorkOrder) => WorkOrder): Promise<WorkOrder> {
  const previous = queues.get(id) ?? Promise.resolve();
  // The previous change's caller handles its failure; this one starts regardless.
  const run = previous.then(noop, noop).then(async () => {
    const current = await readWorkOrder(db, id);
    if (!current) throw new InputError('This work order is no longer on this device.', 'workOrder');
    return saveDocument(db, 'workOrders', change(current));
  });
  queues.set(id, run);
  const forget = () => {
    if (queues.get(id) === run) queues.delete(id);
  };
  run.then(forget, forget);
  return run;
}

function noop(): void {
  // Nothing to do: only the order matters here.
}
