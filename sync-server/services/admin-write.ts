import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors';
import { RevisionConflictError } from '../store/store-errors';
import { computeAcl } from './acl';
import { activityAcl, buildActivity } from './audit';

/**
 * An admin endpoint's write of one document, outside the push path: stored at the revision it was
 * read at (a 409 naming the document when it changed meanwhile) and audited as a push would be.
 * Devices receive it through replication.
 */
export async function writeAudited(deps: AppDeps, collection: CollectionName, write: { actorId: string; before?: AnyDoc; after: AnyDoc; rev?: string; noun: string }): Promise<void> {
  const { actorId, before, after, rev, noun } = write;
  const acl = computeAcl(collection, after);
  try {
    await deps.store.put(collection, after, acl, rev);
  } catch (error) {
    if (error instanceof RevisionConflictError) throw new AppError(409, 'conflict', `${noun} ${after.id} changed meanwhile; reload and try again`, 'id');
    throw error;
  }
  await deps.store.bulkPut('activities', [{ doc: buildActivity(collection, before, after, actorId, after.updatedAt), acl: activityAcl(acl) }]);
}
