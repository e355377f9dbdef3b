import type { ChecklistEdit } from '@shared/domain/checklist';
import type { ChecklistItem, WorkOrder } from '@shared/schemas/work-order';
import { InputError, isTerminal } from './work-order-actions';

/** A shared checklist edit's result, or its refusal as an InputError naming the field it is about. */
export function checklistOf(edit: ChecklistEdit): ChecklistItem[] {
  if (!edit.ok) throw new InputError(edit.message, edit.field);
  return edit.checklist;
}

/** The desk changes a job's steps (shared/domain/checklist.ts); a finished job's checklist is its record. */
export function editWorkOrderChecklist(wo: WorkOrder, edit: (checklist: readonly ChecklistItem[]) => ChecklistEdit): WorkOrder {
  if (isTerminal(wo)) throw new InputError('This job is finished: its checklist is the record of what was done.', 'checklist');
  return { ...wo, checklist: checklistOf(edit(wo.checklist)) };
}
