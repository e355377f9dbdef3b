import type { CollectionName } from '../../schemas/collections';
import type { Role } from '../../schemas/common';

/**
 * Who owns a field when both sides changed it (DESIGN.md, "Conflicts"): the desk (dispatchers and
 * admins) owns assignment, schedule and priority; the engineer owns execution. `none`: nobody
 * owns it; a deterministic tie-break decides.
 */
export type Owner = 'desk' | 'field' | 'none';

/**
 * How each field merges. A `unit` is several fields that only make sense together (a schedule's
 * start and end) and merge as one; `appendList` items are unioned by id and never dropped; `set`
 * is a three-way merge of string values; `checklist` merges per item; `server` fields are set by
 * the server and never decided by a client.
 */
export type FieldRule =
  | { kind: 'unit'; name: string; fields: readonly string[]; owner: Owner }
  | { kind: 'status'; field: 'status' }
  | { kind: 'appendList'; field: string; owner: Owner }
  | { kind: 'set'; field: string }
  | { kind: 'checklist'; field: string }
  | { kind: 'server'; field: string };

const unit = (name: string, owner: Owner, fields: readonly string[] = [name]): FieldRule => ({ kind: 'unit', name, fields, owner });

const COMMON_RULES: readonly FieldRule[] = [
  { kind: 'server', field: 'createdAt' },
  { kind: 'server', field: 'updatedAt' },
];

export const MERGE_RULES: Partial<Record<CollectionName, readonly FieldRule[]>> = {
  workOrders: [
    ...COMMON_RULES,
    { kind: 'server', field: 'number' },
    { kind: 'status', field: 'status' },
    unit('assigneeId', 'desk'),
    unit('schedule', 'desk', ['scheduledStart', 'scheduledEnd']),
    unit('kind', 'desk'),
    unit('siteId', 'desk'),
    unit('assetId', 'desk'),
    unit('ticketId', 'desk'),
    { kind: 'checklist', field: 'checklist' },
    { kind: 'appendList', field: 'parts', owner: 'field' },
    { kind: 'appendList', field: 'timeLogs', owner: 'field' },
    { kind: 'appendList', field: 'notes', owner: 'field' },
    { kind: 'appendList', field: 'photos', owner: 'field' },
    unit('signature', 'field'),
    unit('checkIn', 'field'),
    // A completion's time and text belong together: one side's time with the other's text is neither.
    unit('completion', 'field', ['resolution', 'completedAt']),
  ],
  tickets: [
    ...COMMON_RULES,
    { kind: 'server', field: 'number' },
    { kind: 'server', field: 'sla' },
    { kind: 'status', field: 'status' },
    unit('priority', 'desk'),
    unit('assigneeId', 'desk'),
    unit('title', 'desk'),
    unit('description', 'desk'),
    unit('category', 'desk'),
    unit('siteId', 'desk'),
    unit('assetId', 'desk'),
    unit('slaPolicyId', 'desk'),
    { kind: 'set', field: 'tags' },
  ],
};

/** Fields the merge never decides: identity and RxDB's own bookkeeping. */
const IDENTITY = new Set(['id', 'type', '_deleted']);

/**
 * The rules for one collection's documents, including a plain `none`-owned unit for every other
 * field present (the generic fallback for types without rules).
 */
export function rulesFor(collection: CollectionName, fieldNames: Iterable<string>): FieldRule[] {
  const rules = [...(MERGE_RULES[collection] ?? COMMON_RULES)];
  const covered = new Set(rules.flatMap(fieldsOfRule));
  for (const field of [...new Set(fieldNames)].sort()) {
    if (!covered.has(field) && !IDENTITY.has(field) && !field.startsWith('_')) rules.push(unit(field, 'none'));
  }
  return rules;
}

export function fieldsOfRule(rule: FieldRule): readonly string[] {
  return rule.kind === 'unit' ? rule.fields : [rule.field];
}

const DESK_ROLES: readonly Role[] = ['admin', 'dispatcher'];

export function ownsField(role: Role, owner: Owner): boolean {
  if (owner === 'desk') return DESK_ROLES.includes(role);
  if (owner === 'field') return role === 'engineer';
  return false;
}
