import { isDeepEqual } from '../doc-rules';
import { fieldsOfRule, ownsField, rulesFor, type FieldRule, type Owner } from './field-ownership';
import type { FieldConflict, MergeableDoc, MergeContext, MergeResult } from './merge-types';
import { conflictOf, indexByKey, isMineLater, mergedKeyOrder, mergeSet, oneSideOnly, unionById } from './merge-values';
import { precedingStatus } from './status-precedence';

type Fields = Record<string, unknown>;
type Winner = { winner: 'mine' | 'theirs'; reason: FieldConflict['reason'] };

/**
 * Three-way merge of a document (DESIGN.md, "Conflicts"): base is the master the device last saw
 * (RxDB's assumedMasterState), mine the device's version, theirs the server's current master.
 * Pure and deterministic; the merged document does not depend on which side is "mine" except
 * where field ownership says the pusher's role wins. Every overlapping edit comes back as a
 * FieldConflict. The result is not yet fitted to what the pusher may write: see fit-to-role.ts.
 */
export function mergeDocuments<D extends MergeableDoc>(base: D | undefined, mine: D, theirs: D, context: MergeContext): MergeResult<D> {
  const liveBase = base && !base._deleted ? base : undefined;
  if (mine._deleted || theirs._deleted) return mergeDeletion(liveBase, mine, theirs, context);
  const conflicts: FieldConflict[] = [];
  const doc: Fields = { ...theirs };
  const names = [liveBase, mine, theirs].flatMap((side) => (side ? Object.keys(side) : []));
  for (const rule of rulesFor(context.collection, names)) {
    writeFields(doc, rule, mergeRule(rule, liveBase ?? {}, mine, theirs, context, conflicts));
  }
  return { doc: withoutUndefined(doc) as D, conflicts };
}

/**
 * Edit against delete. A document deleted on the server stays deleted (never brought back
 * silently) and every field this device edited is kept in a conflict record. A deletion made here
 * over an edit this device never saw does not destroy that edit: the server's version stays and
 * the deletion becomes a conflict record, which the user can apply again knowingly.
 */
function mergeDeletion<D extends MergeableDoc>(base: D | undefined, mine: D, theirs: D, context: MergeContext): MergeResult<D> {
  if (mine._deleted && theirs._deleted) return { doc: theirs, conflicts: [] };
  if (mine._deleted) return { doc: theirs, conflicts: [conflictOf('_deleted', true, false, 'theirs', 'deleted')] };
  const conflicts = rulesFor(context.collection, Object.keys(mine))
    .filter((rule) => rule.kind !== 'server')
    .flatMap((rule) => {
      const value = readFields(mine, rule);
      if (base && isDeepEqual(value, readFields(base, rule))) return [];
      return [conflictOf(pathOf(rule), value, undefined, 'theirs', 'deleted')];
    });
  return { doc: theirs, conflicts };
}

function mergeRule(rule: FieldRule, base: Fields, mine: Fields, theirs: Fields, context: MergeContext, conflicts: FieldConflict[]): unknown {
  const [b, m, t] = [readFields(base, rule), readFields(mine, rule), readFields(theirs, rule)];
  const settled = oneSideOnly(b, m, t);
  if (settled) return settled.value;
  switch (rule.kind) {
    case 'server':
      // The server rewrites these anyway; the later stamp keeps a merged write recognisable as new.
      return rule.field === 'updatedAt' ? (String(m) > String(t) ? m : t) : t;
    case 'status': {
      const kept = precedingStatus(String(theirs.type), String(m), String(t));
      conflicts.push(conflictOf('status', m, t, kept === m ? 'mine' : 'theirs', 'status-precedence'));
      return kept;
    }
    case 'set':
      return mergeSet(b, m, t);
    case 'appendList':
      return unionById(b, m, t, (key, _baseItem, mineItem, theirsItem) => decide(`${rule.field}:${key}`, rule.owner, mineItem, theirsItem, context, conflicts));
    case 'checklist':
      return mergeChecklist(b, m, t, context, conflicts);
    case 'unit':
      return decide(rule.name, rule.owner, m, t, context, conflicts);
  }
}

/** Both sides changed the value differently: the owner's value wins, else the tie-break; the other is recorded. */
function decide(path: string, owner: Owner, mine: unknown, theirs: unknown, context: MergeContext, conflicts: FieldConflict[]): unknown {
  const { winner, reason } = winnerOf(owner, mine, theirs, context);
  conflicts.push(conflictOf(path, mine, theirs, winner, reason));
  return winner === 'mine' ? mine : theirs;
}

export function winnerOf(owner: Owner, mine: unknown, theirs: unknown, context: MergeContext): Winner {
  if (owner !== 'none') {
    const mineOwns = ownsField(context.principal.role, owner);
    const theirsOwns = context.theirsRole ? ownsField(context.theirsRole, owner) : !mineOwns;
    if (mineOwns !== theirsOwns) return { winner: mineOwns ? 'mine' : 'theirs', reason: 'ownership' };
  }
  return { winner: isMineLater(mine, theirs) ? 'mine' : 'theirs', reason: 'tie' };
}

/** The parts of a checklist item that merge separately: the desk writes labels, the engineer ticks and reads. */
const CHECKLIST_PARTS: readonly { name: string; fields: readonly string[]; owner: Owner }[] = [
  { name: 'label', fields: ['label'], owner: 'desk' },
  { name: 'done', fields: ['done', 'doneBy', 'doneAt'], owner: 'field' },
  { name: 'value', fields: ['value'], owner: 'field' },
];

function mergeChecklist(base: unknown, mine: unknown, theirs: unknown, context: MergeContext, conflicts: FieldConflict[]): unknown[] {
  const [b, m, t] = [indexByKey(base), indexByKey(mine), indexByKey(theirs)];
  return mergedKeyOrder(base, mine, theirs).flatMap((key) => {
    const [baseItem, mineItem, theirsItem] = [b.get(key), m.get(key), t.get(key)];
    if (mineItem === undefined || theirsItem === undefined) {
      const present = mineItem ?? theirsItem;
      if (present === undefined || (baseItem !== undefined && isDeepEqual(present, baseItem))) return [];
      // Removed on one side but edited on the other: the edit is kept, the removal recorded.
      if (baseItem !== undefined) conflicts.push(conflictOf(`checklist:${key}`, mineItem, theirsItem, mineItem ? 'mine' : 'theirs', 'deleted'));
      return [present];
    }
    const settled = oneSideOnly(baseItem, mineItem, theirsItem);
    if (settled) return [settled.value];
    return [mergeChecklistItem(key, (baseItem ?? {}) as Fields, mineItem as Fields, theirsItem as Fields, context, conflicts)];
  });
}

function mergeChecklistItem(key: string, base: Fields, mine: Fields, theirs: Fields, context: MergeContext, conflicts: FieldConflict[]): Fields {
  const item: Fields = { ...theirs };
  for (const part of CHECKLIST_PARTS) {
    const rule: FieldRule = { kind: 'unit', name: part.name, fields: part.fields, owner: part.owner };
    const [b, m, t] = [readFields(base, rule), readFields(mine, rule), readFields(theirs, rule)];
    const settled = oneSideOnly(b, m, t);
    writeFields(item, rule, settled ? settled.value : decide(`checklist:${key}:${part.name}`, part.owner, m, t, context, conflicts));
  }
  return withoutUndefined(item);
}

/** A rule's value: the field itself, or an object of the unit's fields. */
export function readFields(doc: Fields, rule: FieldRule): unknown {
  const fields = fieldsOfRule(rule);
  if (fields.length === 1) return doc[fields[0] as string];
  return withoutUndefined(Object.fromEntries(fields.map((field) => [field, doc[field]])));
}

export function writeFields(doc: Fields, rule: FieldRule, value: unknown): void {
  const fields = fieldsOfRule(rule);
  if (fields.length === 1) {
    doc[fields[0] as string] = value;
    return;
  }
  const record = (value ?? {}) as Fields;
  for (const field of fields) doc[field] = record[field];
}

export function pathOf(rule: FieldRule): string {
  return rule.kind === 'unit' ? rule.name : rule.field;
}

function withoutUndefined(record: Fields): Fields {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
