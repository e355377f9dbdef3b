import type { ConflictRecord } from '@shared/schemas/conflict-record';
import { WORK_ORDER_STATUS_LABELS, WORK_ORDER_KIND_LABELS } from '../../components/labels';
import { decodeValue } from '../../db/conflicts';

/** How a conflict's field and values read in the inbox: words a person uses, not stored keys. */
const FIELD_NAMES: Record<string, string> = {
  status: 'Status',
  schedule: 'Schedule',
  assigneeId: 'Assigned engineer',
  completion: 'Resolution',
  checkIn: 'Check-in',
  signature: 'Signature',
  kind: 'Kind of work',
  priority: 'Priority',
  notes: 'Notes',
  parts: 'Parts',
  timeLogs: 'Time logs',
  photos: 'Photos',
  checklist: 'Checklist',
  tags: 'Tags',
  tag: 'Tag',
  name: 'Name',
  title: 'Title',
  description: 'Description',
  code: 'Code',
  siteId: 'Site',
  category: 'Category',
  manufacturer: 'Manufacturer',
  model: 'Model',
  serialNumber: 'Serial number',
  criticality: 'Criticality',
  location: 'Location',
  _deleted: 'Deletion',
  change: 'Your change',
};

const PART_NAMES: Record<string, string> = { label: 'label', done: 'tick', value: 'reading' };

export function describeField(record: ConflictRecord, checklistLabel?: string): string {
  const [head = record.path, key, part] = record.path.split(':');
  const name = FIELD_NAMES[head] ?? head;
  if (key === undefined) return name;
  if (head === 'checklist') return `Checklist item “${checklistLabel ?? key}”${part ? ` (${PART_NAMES[part] ?? part})` : ''}`;
  return `${name}: one entry`;
}

export function describeReason(record: ConflictRecord): string {
  switch (record.reason) {
    case 'ownership':
      return record.winner === 'mine' ? 'Your role owns this field, so your value was kept.' : 'The other side’s role owns this field, so their value was kept.';
    case 'status-precedence':
      return 'Both changed the status; the status further along was kept.';
    case 'tie':
      return 'Both changed it and neither role owns it; one value was kept the same way on every device.';
    case 'deleted':
      if (record.documentDeleted) return 'The document was deleted; the deletion stands and your edit is kept here.';
      if (record.path === '_deleted') return 'You deleted it while someone else changed it; their change was kept. Apply yours to delete it anyway.';
      return 'One side removed it while the other edited it; the edit was kept.';
    case 'not-allowed':
      return 'Your value is not a change your role may make over the current version.';
    case 'refused':
      // A refused new document: the server never had it, so nothing "before it" was kept.
      if (record.documentDeleted) return `The server did not accept this new record${record.refusal ? `: ${record.refusal}` : ''}. It was removed from this device; what you entered is kept here to enter again in a way the server accepts.`;
      return `The server did not accept this change${record.refusal ? `: ${record.refusal}` : ''}. The version before it was kept; make the change again in a way it accepts.`;
  }
}

/** A value as text: statuses and kinds by their labels, times readable, records compact. */
export function describeValue(text: string, documentDeleted = false): string {
  if (text === '') return documentDeleted ? '— (deleted)' : '— (none)';
  const value = decodeValue(text);
  return formatValue(value);
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return WORK_ORDER_STATUS_LABELS[value as keyof typeof WORK_ORDER_STATUS_LABELS] ?? WORK_ORDER_KIND_LABELS[value as keyof typeof WORK_ORDER_KIND_LABELS] ?? formatTime(value) ?? value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '— (empty)' : value.map(formatValue).join('; ');
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('done' in record) return record.done ? 'Ticked' : 'Not ticked';
    if ('text' in record) return String(record.text);
    return Object.entries(record).map(([key, item]) => `${FIELD_NAMES[key] ?? key}: ${formatValue(item)}`).join(', ');
  }
  return String(value);
}

function formatTime(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Who made the other change. It can be the user themselves: an earlier change of theirs that
 * reached the server from another device, or from this one when the app was closed before the
 * server's answer arrived; saying "you" makes that a known situation instead of a puzzle.
 */
export function describeChanger(record: Pick<ConflictRecord, 'theirsChangedBy'>, userId: string, name: string | undefined): string {
  if (record.theirsChangedBy === userId) return 'you, in an earlier change that reached the server first';
  return name ?? 'someone else';
}
