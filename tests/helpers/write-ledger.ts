import { isDeepEqual } from '@shared/domain/doc-rules';
import { readPath, writePath } from '@shared/domain/merge/conflict-paths';
import { rulesFor } from '@shared/domain/merge/field-ownership';
import { pathOf, readFields } from '@shared/domain/merge/merge-documents';
import { keyOf } from '@shared/domain/merge/merge-values';
import type { ConflictRecord } from '@shared/schemas/conflict-record';
import type { WorkOrder } from '@shared/schemas/work-order';

/**
 * Every local write a convergence test makes, and the check that none was lost: each value a write
 * put at a path is in the final state, or in a conflict record on some device, or was replaced
 * by a later write made on a state that showed it (a knowing edit, not a loss).
 */
export type LedgerEntry = { client: string; docId: string; kind: 'create' | 'update' | 'delete'; before?: WorkOrder; after?: WorkOrder };
type Written = { entry: LedgerEntry; path: string; value: unknown };

const CHECKLIST_PARTS = ['label', 'done', 'value'];
type Fields = Record<string, unknown>;

/** The paths a write changed and the values it put there (server-owned fields aside). */
export function writtenValues(before: WorkOrder | undefined, after: WorkOrder): { path: string; value: unknown }[] {
  const previous: Fields = before ?? {};
  const next: Fields = after;
  return rulesFor('workOrders', Object.keys(next)).flatMap((rule) => {
    if (rule.kind === 'server') return [];
    if (rule.kind === 'appendList' || rule.kind === 'checklist') return changedItems(rule.field, previous, next, rule.kind === 'checklist');
    const value = readFields(next, rule);
    return isDeepEqual(value, readFields(previous, rule)) ? [] : [{ path: pathOf(rule), value }];
  });
}

function changedItems(field: string, before: Fields, after: Fields, perPart: boolean) {
  const items = Array.isArray(after[field]) ? (after[field] as unknown[]) : [];
  return items.flatMap((item) => {
    const path = `${field}:${keyOf(item)}`;
    const old = readPath('workOrders', before, path);
    if (old === undefined || !perPart) return isDeepEqual(old, item) ? [] : [{ path, value: item }];
    return CHECKLIST_PARTS.map((part) => `${path}:${part}`)
      .filter((partPath) => !isDeepEqual(readPath('workOrders', before, partPath), readPath('workOrders', after, partPath)))
      .map((partPath) => ({ path: partPath, value: readPath('workOrders', after, partPath) }));
  });
}

export function findLostWrites(ledger: LedgerEntry[], finalDocs: Map<string, WorkOrder>, records: ConflictRecord[]): Written[] {
  const written: Written[] = ledger.flatMap((entry) => (entry.after ? writtenValues(entry.before, entry.after).map((item) => ({ entry, ...item })) : []));
  const byDoc = groupBy(ledger, (entry) => entry.docId);
  const recordsByDoc = groupBy(records, (record) => record.docId);
  return written.filter(({ entry, path, value }) => {
    const final = finalDocs.get(entry.docId);
    if (final && isDeepEqual(readPath('workOrders', final, path), value)) return false;
    if ((byDoc.get(entry.docId) ?? []).some((other) => other !== entry && replacedKnowingly(other, path, value))) return false;
    return !(recordsByDoc.get(entry.docId) ?? []).some((record) => recordHolds(record, path, value));
  });
}

function replacedKnowingly(entry: LedgerEntry, path: string, value: unknown): boolean {
  if (!entry.before || !isDeepEqual(readPath('workOrders', entry.before, path), value)) return false;
  return !entry.after || !isDeepEqual(readPath('workOrders', entry.after, path), value);
}

function recordHolds(record: ConflictRecord, path: string, value: unknown): boolean {
  return [record.mine, record.theirs].some((text) => {
    if (text === '') return false;
    const recorded: unknown = JSON.parse(text);
    if (record.path === path) return isDeepEqual(recorded, value);
    if (!path.startsWith(`${record.path}:`)) return false;
    const holder = writePath('workOrders', {} as Fields, record.path, recorded);
    return isDeepEqual(readPath('workOrders', holder, path), value);
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
