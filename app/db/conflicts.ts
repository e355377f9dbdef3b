import type { RxCollectionCreator } from 'rxdb';
import type { FieldConflict } from '@shared/domain/merge/merge-types';
import { canonicalJson } from '@shared/domain/merge/merge-values';
import { changedFields } from '@shared/domain/doc-rules';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import { ConflictRecordSchema, type ConflictRecord } from '@shared/schemas/conflict-record';
import type { AppDatabase } from './database';
import { rxSchemaFromZod } from './rx-schema';

/**
 * Local-only collection of conflict records (the 13th and last collection RxDB's open-source build
 * allows here). Its RxDB schema is generated from ConflictRecordSchema in shared/.
 */
export const conflictsCollectionCreator: RxCollectionCreator = {
  // v1: the `refused` reason and its `refusal` text (v0 records need nothing).
  schema: rxSchemaFromZod<ConflictRecord>('conflicts', ConflictRecordSchema, { version: 1, indexes: ['state', 'docId'] }),
  migrationStrategies: { 1: (record: ConflictRecord) => record },
};

export type MergeOutcome = {
  collection: CollectionName;
  mine: AnyDoc;
  theirs: AnyDoc;
  result: AnyDoc;
  conflicts: FieldConflict[];
  theirsChangedBy?: string;
};

/** '' stands for "absent" (or "the document is deleted"), so every value fits in a string field. */
export const encodeValue = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value));
export const decodeValue = (text: string): unknown => (text === '' ? undefined : JSON.parse(text));

/**
 * Store one record per overlapping edit. Ids are derived from the conflict itself, so RxDB calling
 * the conflict handler again for the same push (it may retry) adds nothing and never reopens a
 * record the user already dismissed.
 */
export async function recordConflicts(db: AppDatabase, outcome: MergeOutcome, now = new Date()): Promise<ConflictRecord[]> {
  const records = outcome.conflicts.map((conflict) => toRecord(outcome, conflict, now));
  if (records.length === 0) return [];
  const existing = await db.conflicts.findByIds(records.map((record) => record.id)).exec();
  const fresh = records.filter((record) => !existing.has(record.id));
  if (fresh.length > 0) await db.conflicts.bulkInsert(fresh);
  return records;
}

function toRecord(outcome: MergeOutcome, conflict: FieldConflict, now: Date): ConflictRecord {
  const { collection, mine, theirs, result } = outcome;
  const fingerprint = `${collection}|${mine.id}|${conflict.path}|${theirs.updatedAt}|${canonicalJson(conflict.mine)}|${canonicalJson(conflict.theirs)}`;
  return {
    id: `${mine.id}:${conflict.path}:${hashText(fingerprint)}`.slice(0, 200),
    collectionName: collection,
    docId: mine.id,
    docLabel: labelOf(theirs._deleted ? mine : theirs),
    path: conflict.path,
    mine: encodeValue(conflict.mine),
    theirs: encodeValue(conflict.theirs),
    kept: encodeValue(conflict.kept),
    winner: conflict.winner,
    reason: conflict.reason,
    documentDeleted: result._deleted,
    theirsChangedAt: theirs.updatedAt,
    ...(outcome.theirsChangedBy ? { theirsChangedBy: outcome.theirsChangedBy } : {}),
    recordedAt: now.toISOString(),
    state: 'open',
  };
}

/** Beyond this a refused value is not kept in its record (a photo's image data). */
const MAX_KEPT_CHARS = 100_000;

export type Refusal = { message: string; field?: string };

/** Fields every document has that say nothing about what the user changed. */
const BOOKKEEPING_FIELDS = new Set(['id', 'type', 'createdAt', 'updatedAt', '_deleted']);
const isEmptyValue = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Record a change the server would not take (app/sync/push-refusals.ts): the field it named, or
 * every field the change touched, with the server's version kept. Idempotent like the merge's.
 */
export async function recordRefusal(db: AppDatabase, outcome: { collection: CollectionName; mine: AnyDoc; theirs: AnyDoc; refusal: Refusal }, now = new Date()): Promise<void> {
  const { collection, mine, theirs, refusal } = outcome;
  const mineRecord: Record<string, unknown> = mine;
  const theirsRecord: Record<string, unknown> = theirs;
  // A named field of a document the server has is all that was rolled back (refusalRollback); else the whole change was.
  const field = !theirs._deleted && refusal.field && refusal.field in mineRecord ? refusal.field : undefined;
  // Of a refused new document, what the user filled in (not every empty field of the form).
  const changed = field ? [field] : changedFields(theirs._deleted ? {} : theirsRecord, mineRecord).filter((key) => !BOOKKEEPING_FIELDS.has(key) && !(theirs._deleted && isEmptyValue(mineRecord[key])));
  const bounded = (value: unknown) => (encodeValue(value).length > MAX_KEPT_CHARS ? '(too large to keep here)' : value);
  const pick = (record: Record<string, unknown>) => (field ? record[field] : Object.fromEntries(changed.map((key) => [key, bounded(record[key])])));
  const keep = (value: unknown) => {
    const text = encodeValue(value);
    return text.length > MAX_KEPT_CHARS ? encodeValue('(too large to keep here)') : text;
  };
  const path = field ?? 'change';
  const id = `${mine.id}:refused:${hashText(`${collection}|${mine.id}|${mine.updatedAt}|${refusal.message}`)}`.slice(0, 200);
  if (await db.conflicts.findOne(id).exec()) return;
  await db.conflicts.insert({
    id,
    collectionName: collection,
    docId: mine.id,
    // The document as it stands (a refused new name must not head the record of what is kept).
    docLabel: labelOf(theirs._deleted ? mine : theirs),
    path,
    mine: keep(pick(mineRecord)),
    theirs: theirs._deleted ? '' : keep(pick(theirsRecord)),
    kept: theirs._deleted ? '' : keep(pick(theirsRecord)),
    winner: 'theirs',
    reason: 'refused',
    refusal: refusal.message.slice(0, 1000),
    documentDeleted: theirs._deleted,
    theirsChangedAt: now.toISOString(),
    recordedAt: now.toISOString(),
    state: 'open',
  });
}

/**
 * What the device keeps of a refused change: the server's version of the field it named, with the
 * rest of the change (every other offline edit of the document) left to push again; the server's
 * version whole when it named no field or never had the document.
 */
export function refusalRollback(mine: AnyDoc, theirs: AnyDoc, refusal: Refusal): AnyDoc {
  const field = refusal.field;
  if (theirs._deleted || !field || !(field in mine || field in theirs)) return theirs;
  const { [field]: _refused, ...rest } = mine as Record<string, unknown>;
  void _refused;
  const value = (theirs as Record<string, unknown>)[field];
  return (value === undefined ? rest : { ...rest, [field]: value }) as AnyDoc;
}

/** How the inbox names a document: its number and title where it has them. */
export function labelOf(doc: AnyDoc): string {
  const record: Record<string, unknown> = doc;
  const parts = [record.number, record.title ?? record.name ?? record.tag].filter((part): part is string => typeof part === 'string');
  return (parts.length > 0 ? parts.join(' · ') : doc.id).slice(0, 300);
}

/** FNV-1a, 32 bit, as hex: short stable ids, not security. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
