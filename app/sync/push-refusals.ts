import type { RxReplicationWriteToMasterRow } from 'rxdb';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { AppDatabase } from '../db/database';
import { markRefused } from '../db/refused-pushes';
import { HttpError } from './errors';

type Row = RxReplicationWriteToMasterRow<AnyDoc>;

/**
 * Statuses with which the server refuses a change for what it is (bad input, a role's rule, a
 * taken tag, an illegal move, too large): sending it again can never succeed. Anything else
 * (offline, 401, 426, 429, 5xx) is a state that passes, and the push is retried as it is.
 */
const REFUSALS = new Set([400, 403, 404, 409, 413, 422]);

export const isRefusal = (error: unknown): error is HttpError => error instanceof HttpError && REFUSALS.has(error.status);

/** The field an error names, without the row's prefix: `[3].newDocumentState.tag` → `tag`. */
export function refusedField(field: string | undefined): string | undefined {
  const match = field?.match(/^\[\d+\]\.newDocumentState\.([^.[]+)/);
  return match?.[1];
}

/**
 * A push the server refused as a whole: send its rows one by one (in order: a row may need an
 * earlier one), so the one it will never take does not hold back every other change of this
 * collection for good. Each refused row comes back as a conflict whose master is the version the
 * device started from (or, for a document the server never had, its deletion): the conflict
 * handler then keeps that version, records the refusal where the user sees it, and RxDB stops
 * pushing the change.
 */
export async function pushIsolatingRefusals(db: AppDatabase, collection: CollectionName, rows: readonly Row[], push: (rows: Row[]) => Promise<AnyDoc[]>): Promise<AnyDoc[]> {
  const conflicts: AnyDoc[] = [];
  for (const row of rows) {
    try {
      conflicts.push(...(await push([row])));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      // The row's index means nothing to the user: it was sent alone.
      markRefused(db, collection, row.newDocumentState, { message: error.message.replace(/^row \d+: /, ''), field: refusedField(error.field) });
      conflicts.push(row.assumedMasterState ?? { ...row.newDocumentState, _deleted: true });
    }
  }
  return conflicts;
}
