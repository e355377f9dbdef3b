import { isDeepEqual } from '../doc-rules';
import { explainWriteRefusal } from '../permissions';
import { explainStatusRefusal } from '../status-rules';
import { COLLECTION_SCHEMAS, type AnyDoc } from '../../schemas/collections';
import { fieldsOfPath, readPath } from './conflict-paths';
import { pathOf } from './merge-documents';
import { rulesFor } from './field-ownership';
import { mergeDocuments, readFields } from './merge-documents';
import type { FieldConflict, MergeableDoc, MergeContext, MergeResult } from './merge-types';
import { conflictOf } from './merge-values';

type Fields = Record<string, unknown>;
const MAX_ROUNDS = 12;

/**
 * The merge as the device pushes it: mergeDocuments, then fitMergeToRole. The result is always a
 * write the server accepts from this principal over `theirs` (schema, write rules, state machine).
 */
export function resolveConflict<D extends MergeableDoc>(base: D | undefined, mine: D, theirs: D, context: MergeContext): MergeResult<D> {
  return fitMergeToRole(theirs, mergeDocuments(base, mine, theirs, context), context);
}

/**
 * Make the merged document a change the pusher may make over the master: any field the role may
 * not change, any status the state machine does not allow from the master's status, anything the
 * schema refuses, goes back to the master's value — and the value that had won is kept in a
 * conflict record instead, so it is never dropped silently.
 */
export function fitMergeToRole<D extends MergeableDoc>(theirs: D, merged: MergeResult<D>, context: MergeContext): MergeResult<D> {
  if (theirs._deleted) return { doc: theirs, conflicts: merged.conflicts };
  if (merged.doc._deleted) return fitDeletion(theirs, merged, context);
  let doc: Fields = merged.doc;
  let conflicts = merged.conflicts;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const field = refusedField(theirs, doc, context);
    if (field === null) return { doc: doc as D, conflicts };
    const paths = pathsToRevert(context, doc, theirs, field);
    if (paths.length === 0) break;
    for (const path of paths) ({ doc, conflicts } = revertPath(context, theirs, doc, conflicts, path));
  }
  return revertEverything(theirs, doc, conflicts, context);
}

/** A field whose value makes the write refused ('' when the refusal names no field), or null. */
function refusedField(theirs: MergeableDoc, doc: Fields, context: MergeContext): string | null {
  const { principal, collection } = context;
  const before = theirs as unknown as AnyDoc;
  const after = doc as unknown as AnyDoc;
  const write = explainWriteRefusal(principal, collection, before, after);
  if (write) return write.field ?? '';
  const status = explainStatusRefusal(collection, before, after, principal.role);
  if (status) return status.field;
  const parsed = COLLECTION_SCHEMAS[collection].safeParse(doc);
  if (!parsed.success) return String(parsed.error.issues[0]?.path[0] ?? '');
  return null;
}

/**
 * The rule paths to put back. A refusal that names a field already equal to the master's (a
 * completed status needs a resolution) is caused by the status: that goes back instead.
 */
function pathsToRevert(context: MergeContext, doc: Fields, theirs: Fields, field: string): string[] {
  if (!field) return [];
  const rules = rulesFor(context.collection, [...Object.keys(doc), ...Object.keys(theirs)]);
  const rule = rules.find((candidate) => (candidate.kind === 'unit' ? candidate.fields : [candidate.field]).includes(field));
  const path = rule ? pathOf(rule) : field;
  if (!isDeepEqual(readPath(context.collection, doc, path), readPath(context.collection, theirs, path))) return [path];
  return 'status' in doc && !isDeepEqual(doc.status, theirs.status) ? ['status'] : [];
}

function revertPath(context: MergeContext, theirs: Fields, doc: Fields, conflicts: FieldConflict[], path: string) {
  const { collection } = context;
  const fields = fieldsOfPath(collection, { ...theirs, ...doc }, path);
  const next: Fields = { ...doc };
  for (const field of fields) {
    if (theirs[field] === undefined) delete next[field];
    else next[field] = theirs[field];
  }
  const touched = conflicts.filter((conflict) => conflict.path.split(':')[0] === path);
  const rest = conflicts.filter((conflict) => !touched.includes(conflict));
  const updated = touched.map((conflict) =>
    conflict.winner === 'mine' ? { ...conflict, winner: 'theirs' as const, kept: conflict.theirs, reason: 'not-allowed' as const } : conflict,
  );
  if (touched.length === 0) updated.push(conflictOf(path, readPath(collection, doc, path), readPath(collection, theirs, path), 'theirs', 'not-allowed'));
  return { doc: next, conflicts: [...rest, ...updated] };
}

/** Last resort: the master as it is, and everything that differed from it recorded. */
function revertEverything<D extends MergeableDoc>(theirs: D, doc: Fields, conflicts: FieldConflict[], context: MergeContext): MergeResult<D> {
  const recorded = new Set(conflicts.map((conflict) => conflict.path.split(':')[0]));
  const extra = rulesFor(context.collection, Object.keys(doc))
    .filter((rule) => rule.kind !== 'server' && !recorded.has(pathOf(rule)))
    .filter((rule) => !isDeepEqual(readFields(doc, rule), readFields(theirs, rule)))
    .map((rule) => conflictOf(pathOf(rule), readFields(doc, rule), readFields(theirs, rule), 'theirs', 'not-allowed'));
  const kept = conflicts.map((conflict) => (conflict.winner === 'mine' ? { ...conflict, winner: 'theirs' as const, kept: conflict.theirs, reason: 'not-allowed' as const } : conflict));
  return { doc: theirs, conflicts: [...kept, ...extra] };
}

/** A deletion this role may not make over the master keeps the master, with the deletion recorded. */
function fitDeletion<D extends MergeableDoc>(theirs: D, merged: MergeResult<D>, context: MergeContext): MergeResult<D> {
  const refusal = explainWriteRefusal(context.principal, context.collection, theirs as unknown as AnyDoc, merged.doc as unknown as AnyDoc);
  if (!refusal) return merged;
  return { doc: theirs, conflicts: [conflictOf('_deleted', true, false, 'theirs', 'not-allowed')] };
}
