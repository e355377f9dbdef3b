import type { Activity } from '@shared/schemas/misc';

/** Fields as people call them, for audit lines; server bookkeeping (stamps, SLA figures) is left out. */
const FIELD_WORDS: Record<string, string | null> = {
  assigneeId: 'assignee',
  siteId: 'site',
  assetId: 'asset',
  ticketId: 'ticket',
  slaPolicyId: 'SLA policy',
  scheduledStart: 'start time',
  scheduledEnd: 'end time',
  timeLogs: 'time logs',
  checkIn: 'check-in',
  completedAt: 'completion time',
  serialNumber: 'serial number',
  reportedBy: 'reporter',
  fullName: 'name',
  siteIds: 'sites',
  responseMinutes: 'response target',
  resolutionMinutes: 'resolution target',
  businessHours: 'business hours',
  defaultPriority: 'default priority',
  updatedAt: null,
  createdAt: null,
  statusChangedAt: null,
  sla: null,
  number: null,
};

/** "assignee, status": the fields an audited change touched, in words. */
export function changedFieldWords(changes: Activity['changes']): string[] {
  return [...new Set(changes.flatMap((change) => {
    const words = change.field in FIELD_WORDS ? FIELD_WORDS[change.field] : change.field;
    return words ? [words] : [];
  }))];
}
