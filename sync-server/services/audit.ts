import { ulid } from 'ulid';
import { changedFields } from '@shared/domain/doc-rules';
import { DOC_TYPE_BY_COLLECTION, type AnyDoc, type CollectionName } from '@shared/schemas/collections';
import type { Activity } from '@shared/schemas/misc';
import type { AccessMeta } from '../store/couch-docs';

const NOT_AUDITED = new Set(['updatedAt']);
/**
 * An attachment's bytes (up to ~550 KB of base64) would be copied into every reader's audit trail;
 * its kind, type and size say what was added, and the attachment itself is immutable.
 */
const NOT_AUDITED_IN: Partial<Record<CollectionName, ReadonlySet<string>>> = { attachments: new Set(['data']) };

/**
 * The audit record of one accepted change: field-level before/after, the actor and the time.
 * It shares the subject's readers, so whoever can see a ticket can see its history.
 */
export function buildActivity(
  collection: CollectionName,
  before: AnyDoc | undefined,
  after: AnyDoc,
  actorId: string,
  at: string,
): Activity {
  const action = !before || before._deleted ? 'created' : after._deleted ? 'deleted' : 'updated';
  const skipped = NOT_AUDITED_IN[collection];
  const fields = changedFields(before, after).filter((field) => !NOT_AUDITED.has(field) && !skipped?.has(field));
  const beforeRecord: Record<string, unknown> = before ?? {};
  const afterRecord: Record<string, unknown> = after;
  return activityRecord({
    subjectType: DOC_TYPE_BY_COLLECTION[collection],
    subjectId: after.id,
    action,
    actorId,
    at,
    changes: fields.map((field) => ({ field, before: beforeRecord[field], after: afterRecord[field] })),
    ...siteAndTicketOf(after),
  });
}

/** An audit record with a new id, stored at the time it records (every server-written activity has this envelope). */
export function activityRecord(fields: Omit<Activity, 'id' | 'type' | 'createdAt' | 'updatedAt' | '_deleted'>): Activity {
  return { id: ulid(), type: 'activity', createdAt: fields.at, updatedAt: fields.at, _deleted: false, ...fields };
}

export function activityAcl(subjectAcl: AccessMeta): AccessMeta {
  return { readers: subjectAcl.readers, formerReaders: [] };
}

function siteAndTicketOf(doc: AnyDoc): { siteId?: string; ticketId?: string } {
  const record: Record<string, unknown> = doc;
  const siteId = typeof record.siteId === 'string' ? record.siteId : undefined;
  const ticketId = doc.type === 'ticket' ? doc.id : typeof record.ticketId === 'string' ? record.ticketId : undefined;
  return { ...(siteId ? { siteId } : {}), ...(ticketId ? { ticketId } : {}) };
}
