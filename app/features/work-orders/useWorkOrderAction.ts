import { useCallback, useState } from 'react';
import type { WorkOrder } from '@shared/schemas/work-order';
import type { AppDatabase } from '../../db/database';
import { LocalValidationError } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { useBusy } from '../../components/useBusy';
import { updateWorkOrder } from './update-work-order';
import { InputError } from './work-order-actions';
import { problemFor, type FieldProblem } from '../../components/field-problems';

/** What went wrong: the first problem, and every field's when the form's checks found several. */
export type ActionError = FieldProblem & { problems?: readonly FieldProblem[] };

/** The message for one field of a form, from any of its problems. */
export function errorFor(error: ActionError | undefined, field: string): string | undefined {
  return error ? problemFor(error.problems ?? [error], field) : undefined;
}

/** The first problem about none of the fields that show their own message (for the form's foot, so it names its field). */
export function errorOutside(error: ActionError | undefined, shownFields: readonly string[]): string | undefined {
  const outside = (error?.problems ?? (error ? [error] : [])).find((problem) => !shownFields.some((field) => problemFor([problem], field)));
  if (!outside) return undefined;
  return outside.field && !outside.message.startsWith(`${outside.field}:`) ? `${outside.field}: ${outside.message}` : outside.message;
}

/**
 * One section's way to change the work order: runs a pure change on the stored document, saves it,
 * and keeps the error (if any) for that section to show next to its field.
 */
export function useWorkOrderAction(workOrderId: string) {
  const { db } = useSession();
  const [error, setError] = useState<ActionError>();
  // One change at a time per section: a double click on "Add part" adds one part (useBusy).
  const { busy, guard } = useBusy();
  /** Any save against the local database (one that writes more than this work order, too); false when not saved or ignored. */
  const perform = useCallback(
    async (task: (database: AppDatabase) => Promise<unknown>): Promise<boolean> =>
      (await guard(async () => {
        try {
          await task(db);
          setError(undefined);
          return true;
        } catch (caught) {
          setError(describeActionError(caught));
          return false;
        }
      })) ?? false,
    [db, guard],
  );
  const run = useCallback(
    (change: (current: WorkOrder, now: Date) => WorkOrder): Promise<boolean> => perform((database) => updateWorkOrder(database, workOrderId, (current) => change(current, new Date()))),
    [perform, workOrderId],
  );
  return { run, perform, error, busy, setError };
}

export function describeActionError(error: unknown): ActionError {
  if (error instanceof InputError || error instanceof LocalValidationError) return { message: error.message, field: error.field, problems: error.problems };
  const message = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
  return { message, field: '', problems: [{ field: '', message }] };
}
