import type { RxReplicationWriteToMasterRow } from 'rxdb';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { AppDatabase } from '../db/database';
import { markRefused } from '../db/refused-pushes';
import type { ErrorReason } from '@shared/errors';
import { HttpError } from './errors';

type Row = RxReplicationWriteToMasterRow<AnyDoc>;

/**
 * The server's own refusals of a change for what it is (bad input, a role's rule, a taken tag, an
 * illegal move, too large), in its JSON error envelope: sending it again can never succeed.
 * Anything else — offline, 401, 426, 429, 5xx, or a 4xx page from a proxy or captive portal
 * (no envelope: read as `internal`) — is a state that passes, and the push is retried as it is.
 */
const REFUSAL_REASONS: ReadonlySet<ErrorReason> = new Set(['validation_failed', 'payload_too_large', 'forbidden', 'illegal_transition', 'conflict']);

export const isRefusal = (error: unknown): error is HttpError => error instanceof HttpError && error.status >= 400 && error.status < 500 && REFUSAL_REASONS.has(error.reason);

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
