import type { CollectionName } from '../../schemas/collections';
import { rulesFor, type FieldRule } from './field-ownership';
import { keyOf } from './merge-values';

/**
 * A conflict's `path` names what was decided: a field or unit (`status`, `schedule`,
 * `completion`), an item of a list (`notes:<id>`, `checklist:<id>`), or a part of a checklist
 * item (`checklist:<id>:done`). These helpers read and write a path, so "apply mine instead" can
 * put a recorded value back as an ordinary edit.
 */
type Fields = Record<string, unknown>;

const CHECKLIST_PART_FIELDS: Record<string, readonly string[]> = {
  label: ['label'],
  done: ['done', 'doneBy', 'doneAt'],
  value: ['value'],
};

export function ruleForPath(collection: CollectionName, doc: Fields, path: string): FieldRule | undefined {
  const head = path.split(':')[0] ?? path;
  return rulesFor(collection, Object.keys(doc)).find((rule) => (rule.kind === 'unit' ? rule.name : rule.field) === head);
}

/** The top-level fields a path touches (empty when the path names nothing this collection has). */
export function fieldsOfPath(collection: CollectionName, doc: Fields, path: string): string[] {
  const rule = ruleForPath(collection, doc, path);
  if (!rule) return path.startsWith('_') ? [path] : [];
  return rule.kind === 'unit' ? [...rule.fields] : [rule.field];
}

export function readPath(collection: CollectionName, doc: Fields, path: string): unknown {
  const [head, key, part] = path.split(':');
  const fields = fieldsOfPath(collection, doc, path);
  if (key === undefined) {
    if (fields.length === 1) return doc[fields[0] as string];
    return Object.fromEntries(fields.filter((field) => doc[field] !== undefined).map((field) => [field, doc[field]]));
  }
  const item = listOf(doc, head ?? '').find((entry) => keyOf(entry) === key);
  if (part === undefined || item === undefined) return item;
  const partFields = CHECKLIST_PART_FIELDS[part] ?? [part];
  const record = item as Fields;
  if (partFields.length === 1) return record[partFields[0] as string];
  return Object.fromEntries(partFields.filter((field) => record[field] !== undefined).map((field) => [field, record[field]]));
}

/** A copy of `doc` with the path set to `value` (undefined removes the field or the item). */
export function writePath<D extends Fields>(collection: CollectionName, doc: D, path: string, value: unknown): D {
  const [head, key, part] = path.split(':');
  const copy: Fields = { ...doc };
  if (key === undefined) {
    const fields = fieldsOfPath(collection, doc, path);
    if (fields.length === 1) assign(copy, fields[0] as string, value);
    else for (const field of fields) assign(copy, field, (value as Fields | undefined)?.[field]);
    return copy as D;
  }
  const list = listOf(doc, head ?? '');
  const index = list.findIndex((entry) => keyOf(entry) === key);
  const next = [...list];
  if (part === undefined) {
    if (value === undefined) next.splice(index, index >= 0 ? 1 : 0);
    else if (index >= 0) next[index] = value;
    else next.push(value);
  } else if (index >= 0) {
    const item: Fields = { ...(next[index] as Fields) };
    const partFields = CHECKLIST_PART_FIELDS[part] ?? [part];
    if (partFields.length === 1) assign(item, partFields[0] as string, value);
    else for (const field of partFields) assign(item, field, (value as Fields | undefined)?.[field]);
    next[index] = item;
  }
  copy[head ?? ''] = next;
  return copy as D;
}

function listOf(doc: Fields, field: string): unknown[] {
  const value = doc[field];
  return Array.isArray(value) ? value : [];
}

function assign(record: Fields, field: string, value: unknown): void {
  if (value === undefined) delete record[field];
  else record[field] = value;
}
