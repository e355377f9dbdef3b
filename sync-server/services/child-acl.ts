import type { CollectionName } from '@shared/schemas/collections';
import type { AppDeps } from '../app-deps';
import type { AccessMeta } from '../store/couch-docs';
import { parseStoredDoc } from '../replication/visibility';
import { computeAcl, isSameAcl } from './acl';
import { childQueries } from '@shared/domain/references';

/** Far above any real ticket's comments or job's photos; a bound so one refresh stays one request. */
const MAX_CHILDREN = 10_000;

/**
 * Children (a ticket's comments, a work order's or ticket's attachments) are readable by whoever
 * can read their owner, so when the owner's readers change (reassigned, moved site) the children
 * follow: devices that lost the owner lose its children on their next pull, devices that gained
 * it receive them. A child that changes meanwhile keeps its old readers until the owner's next
 * change; the push that caused this has already been acknowledged, so it is logged, not thrown.
 */
export async function refreshChildAcls(
  deps: Pick<AppDeps, 'store' | 'logger'>,
  ownerCollection: CollectionName,
  ownerId: string,
  ownerAcl: AccessMeta,
): Promise<void> {
  for (const { collection, selector } of childQueries(ownerCollection, ownerId)) {
    await refreshCollection(deps, collection, selector, ownerAcl, ownerId);
  }
}

async function refreshCollection(
  { store, logger }: Pick<AppDeps, 'store' | 'logger'>,
  collection: CollectionName,
  selector: Record<string, string>,
  ownerAcl: AccessMeta,
  ownerId: string,
): Promise<void> {
  const children = await store.find(collection, selector, MAX_CHILDREN);
  const writes = children.flatMap((stored) => {
    const doc = parseStoredDoc(collection, stored.fields, logger);
    if (!doc) return [];
    const acl = computeAcl(collection, doc, stored.acl, ownerAcl);
    // Only readers change: the pushing device's claim on its last version holds (PushOrigin).
    return isSameAcl(acl, stored.acl) ? [] : [{ doc, acl, rev: stored.rev, origin: stored.origin }];
  });
  const results = await store.bulkPut(collection, writes);
  const lost = results.filter((result) => !result.ok).length;
  if (lost > 0) logger.warn({ collection, ownerId, lost }, 'children changed while their readers were being updated');
}
