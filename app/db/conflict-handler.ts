import type { RxConflictHandler, RxConflictHandlerInput } from 'rxdb';
import { isSameClientContent } from '@shared/domain/doc-rules';
import { resolveConflict } from '@shared/domain/merge/fit-to-role';
import type { Principal } from '@shared/domain/principal';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { Role } from '@shared/schemas/common';
import { recordConflicts, recordRefusal, refusalRollback } from './conflicts';
import { refusalOf } from './refused-pushes';
import { isEqualIgnoringDerived, withoutDerivedFields } from './derived-fields';
import type { AppDatabase } from './database';
import { settleMergedWrite } from './writes';

/**
 * What the handler needs and the collections cannot know when they are created: the database
 * itself (to write conflict records) and who is pushing (whose write rules the result must meet).
 */
export type ConflictEnvironment = { db?: AppDatabase; principal: Principal };

/**
 * RxDB's conflict handler for one collection (https://rxdb.info/transactions-conflicts-revisions.html):
 * called when a push comes back with a newer master. It merges base, mine and theirs with the
 * shared three-way merge, keeps every overlapping edit as a conflict record, and returns the
 * merged document, which RxDB writes locally and pushes as an ordinary change.
 */
export function createConflictHandler(environment: ConflictEnvironment, collection: CollectionName): RxConflictHandler<AnyDoc> {
  return {
    isEqual: isEqualIgnoringDerived,
    async resolve(input: RxConflictHandlerInput<AnyDoc>) {
      const { db, principal } = environment;
      // The merge, the conflict records and the push see documents as the server knows them.
      const mine = withoutDerivedFields(input.newDocumentState);
      const theirs = withoutDerivedFields(input.realMasterState);
      const refusal = db ? refusalOf(db, collection, input.newDocumentState) : undefined;
      if (db && refusal) {
        // The server will never take this: roll back what it refused, and say why where the user looks.
        const partial = refusalRollback(mine, theirs, refusal);
        // Refused again with that field already rolled back: the whole change goes, so nothing is resent for ever.
        const kept = isSameClientContent(collection, partial, mine) ? theirs : partial;
        await recordRefusal(db, { collection, mine, theirs, refusal });
        await settleMergedWrite(db, collection, kept, theirs, mine);
        return kept;
      }
      const author = db ? await findAuthor(db, theirs) : undefined;
      const { doc, conflicts } = resolveConflict(withoutDerivedFields(input.assumedMasterState), mine, theirs, { collection, principal, theirsRole: author?.role });
      if (db) {
        await recordConflicts(db, { collection, mine, theirs, result: doc, conflicts, theirsChangedBy: author?.id });
        await settleMergedWrite(db, collection, doc, theirs, mine);
      }
      return doc;
    },
  };
}

/**
 * Who wrote the master's version, from the audit trail if it has reached this device: the
 * server's activity for a change carries the document's new updatedAt as its time.
 */
async function findAuthor(db: AppDatabase, theirs: AnyDoc): Promise<{ id: string; role?: Role } | undefined> {
  const activity = await db.activities.findOne({ selector: { subjectId: theirs.id, at: theirs.updatedAt } }).exec();
  if (!activity) return undefined;
  const user = await db.users.findOne(activity.actorId).exec();
  return { id: activity.actorId, role: user?.role };
}
