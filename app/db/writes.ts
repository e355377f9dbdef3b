import { isSameClientContent } from '@shared/domain/doc-rules';
import { problemsOfIssues, type FieldProblem } from '../components/field-problems';
import { COLLECTION_SCHEMAS, type AnyDoc, type CollectionName, type DocOf } from '@shared/schemas/collections';
import type { AppDatabase } from './database';
import type { RxDocument } from 'rxdb';
import { withoutDerivedFields } from './derived-fields';
import { toDomain } from './domain-view';
import { asReplicatedState, editBaseOf } from './edit-base';
import { outboxId, pendingEntry, type OutboxEntry } from './outbox';

/**
 * A local write refused before it is stored, naming the field (shown next to that field); `problems`
 * names every invalid field, the first of them also as `field` and `message`.
 */
export class LocalValidationError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly problems: readonly FieldProblem[] = [{ field, message }],
  ) {
    super(message);
    this.name = 'LocalValidationError';
  }
}

/**
 * Every local change goes through here: validated with the shared schema, stamped, stored, and
 * recorded in the outbox until the server acknowledges it. `updatedAt` is the device's stamp
 * (the server replaces it with its own when it accepts the write).
 */
export async function saveDocument<C extends CollectionName>(db: AppDatabase, collection: C, doc: DocOf<C>, now = new Date()): Promise<DocOf<C>> {
  const stamp = now.toISOString();
  const parsed = COLLECTION_SCHEMAS[collection].safeParse({ ...doc, updatedAt: stamp, _deleted: false });
  if (!parsed.success) {
    // Each problem in words, for beside its field; the error's own message names the field, for one-line displays.
    const problems = problemsOfIssues(parsed.error.issues);
    const first = parsed.error.issues[0];
    const field = first?.path.join('.') ?? '';
    throw new LocalValidationError(`${field}: ${first?.message ?? 'invalid'}`, field, problems);
  }
  const { _deleted, ...fields } = parsed.data as DocOf<C>;
  void _deleted;
  const base = await editBaseOf(db, collection, doc.id);
  await db.collections[collection].incrementalUpsert(fields as never);
  const entry = await db.outbox.upsert(pendingEntry(collection, doc.id, stamp, base));
  // The document is stored before its entry (an entry must never be missing for a stored edit), so
  // a fast push of it can be acknowledged, or merged away, before the entry exists; it is done, then.
  if (wasSettled(db, entry.id, stamp)) await removeEntries(db, [entry]);
  return parsed.data as DocOf<C>;
}

/**
 * Delete a document (admins; dispatchers for assets): stamped and recorded in the outbox like any
 * write, then replicated as a deletion.
 */
export async function deleteDocument(db: AppDatabase, collection: CollectionName, id: string, now = new Date()): Promise<void> {
  const doc = await db.collections[collection].findOne(id).exec();
  if (!doc) return;
  const stamp = now.toISOString();
  const base = await editBaseOf(db, collection, id);
  await doc.incrementalModify((data: AnyDoc) => ({ ...data, updatedAt: stamp, _deleted: true }) as never);
  // Like a save: the document first, so an entry is never older than the change it records (the
  // outbox check of a quiet replication relies on that, app/sync/outbox-sweep.ts).
  const entry = await db.outbox.upsert(pendingEntry(collection, id, stamp, base));
  if (wasSettled(db, entry.id, stamp)) await removeEntries(db, [entry]);
}

/**
 * After a conflict was merged. A merge that kept nothing of this device's own (the server's
 * version as it is) leaves nothing pending, unless a newer local edit than the pushed one (`mine`)
 * is still to be pushed. Otherwise the device waits for the merged version to reach the server.
 */
export async function settleMergedWrite(db: AppDatabase, collection: CollectionName, merged: AnyDoc, master: AnyDoc, mine?: AnyDoc): Promise<void> {
  const id = outboxId(collection, merged.id);
  if (isSameClientContent(collection, merged, master)) {
    if (mine) rememberSettled(db, id, mine.updatedAt);
    const entry = await db.outbox.findOne(id).exec();
    if (entry && (!mine || entry.stamp === mine.updatedAt)) await removeEntries(db, [entry]);
    return;
  }
  await awaitMergedPush(db, collection, merged, mine);
}

/**
 * The merged document is what the device now waits to see on the server: its entry takes the
 * merged stamp, unless it is a newer local edit's (RxDB drops this merge for that edit, whose push
 * conflicts and merges again; its own stamp must stay to clear it). The base stays too: that push
 * still needs it.
 */
async function awaitMergedPush(db: AppDatabase, collection: CollectionName, merged: AnyDoc, mine?: AnyDoc): Promise<void> {
  const id = outboxId(collection, merged.id);
  let entry = await db.outbox.findOne(id).exec();
  if (!entry) {
    // An insert, not an upsert: an edit saved meanwhile keeps its entry.
    const { error } = await db.outbox.bulkInsert([pendingEntry(collection, merged.id, merged.updatedAt)]);
    const real = error.filter((failure) => failure.status !== 409);
    if (real.length > 0) throw new Error(`could not record the merged ${id}: ${real.map((failure) => failure.status).join(', ')}`);
    if (error.length === 0) return;
    entry = await db.outbox.findOne(id).exec();
  }
  const waitsForMine = (stamp: string) => !mine || stamp === mine.updatedAt;
  if (!entry || !waitsForMine(entry.stamp)) return;
  // In RxDB's write queue, so an edit stored meanwhile is seen; an entry removed meanwhile comes back.
  await entry.incrementalModify((data) => (data._deleted || waitsForMine(data.stamp) ? { ...data, stamp: merged.updatedAt, _deleted: false } : data));
}

/** After a push: rows the server accepted leave the outbox unless edited again since. */
export async function acknowledgePushed(db: AppDatabase, collection: CollectionName, pushed: AnyDoc[], conflicts: AnyDoc[]): Promise<void> {
  const conflicted = new Set(conflicts.map((doc) => doc.id));
  const accepted = pushed.filter((doc) => !conflicted.has(doc.id));
  if (accepted.length === 0) return;
  const entries = await db.outbox.findByIds(accepted.map((doc) => outboxId(collection, doc.id))).exec();
  for (const doc of accepted) rememberSettled(db, outboxId(collection, doc.id), doc.updatedAt);
  const done = accepted.flatMap((doc) => {
    const entry = entries.get(outboxId(collection, doc.id));
    return entry && entry.stamp === doc.updatedAt ? [entry] : [];
  });
  await removeEntries(db, done);
}

/**
 * The last stamps that need nothing more from the server (acknowledged, or merged into the server's
 * own version), per database and entry: recent ones are enough (see saveDocument).
 */
const settledStamps = new WeakMap<AppDatabase, Map<string, string>>();
const SETTLED_KEPT = 5_000;

function rememberSettled(db: AppDatabase, entryId: string, stamp: string): void {
  let stamps = settledStamps.get(db);
  if (!stamps) settledStamps.set(db, (stamps = new Map()));
  stamps.delete(entryId);
  stamps.set(entryId, stamp);
  // A Map iterates in insertion order: drop the oldest.
  if (stamps.size > SETTLED_KEPT) stamps.delete(stamps.keys().next().value as string);
}

const wasSettled = (db: AppDatabase, entryId: string, stamp: string) => settledStamps.get(db)?.get(entryId) === stamp;

/**
 * A pulled document equal to the local one means the server has our version (for instance after a
 * conflict was resolved in the server's favour): nothing is pending for it any more. Called once
 * per pulled page or stream event: one outbox read for all its documents (most have no entry), not
 * one per document — per document, it dominated the initial sync (see docs/benchmarks.md).
 */
export async function clearServerHeld(db: AppDatabase, collection: CollectionName, pulled: readonly AnyDoc[]): Promise<void> {
  if (pulled.length === 0) return;
  // An initial sync pulls thousands of documents into an empty outbox: one count, not a lookup per id.
  if ((await db.outbox.count().exec()) === 0) return;
  const entries = await db.outbox.findByIds(pulled.map((doc) => outboxId(collection, doc.id))).exec();
  if (entries.size === 0) return;
  const pending = pulled.filter((doc) => entries.has(outboxId(collection, doc.id)));
  const locals = await db.collections[collection].findByIds(pending.map((doc) => doc.id)).exec();
  const done = pending.flatMap((doc) => {
    const entry = entries.get(outboxId(collection, doc.id));
    const local = locals.get(doc.id);
    const same = !local || isSameClientContent(collection, toDomain(local.toJSON()), doc);
    return entry && same ? [entry] : [];
  });
  await removeEntries(db, done);
}

export function clearIfServerHasIt(db: AppDatabase, collection: CollectionName, pulled: AnyDoc): Promise<void> {
  return clearServerHeld(db, collection, [pulled]);
}

/**
 * Entries whose document is stored as the server holds it, by RxDB's own account (`serverStates`:
 * the assumed master states of its replication meta): the device has nothing left to push for
 * them. Entries are settled on the way (acknowledged pushes, merges, pulls), but a local edit, a
 * merge and a pull can interleave so that one is left behind with nothing ever pulled again to
 * clear it; this is the check that needs no such event. Documents without meta are left alone:
 * their entry keeps the base their push needs (app/db/edit-base.ts).
 */
export async function clearEntriesServerHolds(db: AppDatabase, collection: CollectionName, serverStates: (docIds: string[]) => Promise<Map<string, AnyDoc>>): Promise<void> {
  const entries = await db.outbox.find({ selector: { collectionName: collection } }).exec();
  if (entries.length === 0) return;
  // Entries first: a local edit stores its document before its entry, so a document read after an
  // entry is at least as new as the edit that entry records.
  const ids = entries.map((entry) => entry.docId);
  const [stored, masters] = await Promise.all([db.collections[collection].storageInstance.findDocumentsById(ids, true), serverStates(ids)]);
  const held = new Set(
    stored
      .map(asReplicatedState)
      .filter((local) => {
        const master = masters.get(local.id);
        // `_deleted` counts: a deletion not pushed yet differs from the server's live version.
        return master && isSameClientContent(collection, local, withoutDerivedFields(master));
      })
      .map((local) => local.id),
  );
  await removeEntries(
    db,
    entries.filter((entry) => held.has(entry.docId)),
  );
}

/**
 * Remove outbox entries (one bulk write) unless they changed since they were read: RxDB's revision
 * check refuses a stale removal with a 409 conflict, which means a newer local edit (keep it) or
 * another path already removed it (nothing to do). Any other failure is real and propagates.
 */
async function removeEntries(db: AppDatabase, entries: RxDocument<OutboxEntry>[]): Promise<void> {
  if (entries.length === 0) return;
  // RxDB keeps a removed document's data (no cleanup plugin runs): the tombstone leaves the base
  // out, as a reconnect removes a thousand entries at once. Written through the collection's storage, so
  // RxDB sets the revision and emits the change like `bulkRemove` does.
  const rows = entries.map(({ _data: previous }) => {
    const { base, ...kept } = previous;
    void base;
    return { previous, document: { ...kept, _deleted: true } };
  });
  const { error } = await db.outbox.storageInstance.bulkWrite(rows, 'outbox-settled');
  const real = error.filter((failure) => failure.status !== 409);
  if (real.length > 0) throw new Error(`could not clear ${real.length} outbox entries: ${real.map((failure) => `${failure.documentId} (${failure.status})`).join(', ')}`);
}
