import type { ServerScope } from 'nano';
import { COLLECTION_NAMES, type CollectionName } from '@shared/schemas/collections';
import { databaseName } from './couch-docs';
import { isNotFound } from './store-errors';

/** Mango indexes each database needs (https://docs.couchdb.org/en/stable/api/database/find.html#db-index). */
const INDEXES: Partial<Record<CollectionName | 'auth', { name: string; fields: string[] }[]>> = {
  users: [{ name: 'by-username', fields: ['username'] }],
  assets: [{ name: 'by-tag', fields: ['tag'] }, { name: 'by-site', fields: ['siteId'] }],
  tickets: [
    { name: 'by-number', fields: ['number'] },
    { name: 'by-status', fields: ['status'] },
    // The SLA checker reads only tickets whose next threshold has passed (sync-server/sla/checker.ts).
    { name: 'by-next-threshold', fields: ['sla.nextThresholdAt'] },
  ],
  workOrders: [{ name: 'by-assignee', fields: ['assigneeId'] }, { name: 'by-ticket', fields: ['ticketId'] }],
  comments: [{ name: 'by-ticket', fields: ['ticketId'] }],
  // Finds a work order's or ticket's photos when its readers change (services/child-acl.ts).
  attachments: [{ name: 'by-owner', fields: ['ownerId'] }],
  auth: [{ name: 'by-family', fields: ['kind', 'familyId'] }],
};

/**
 * `audits`: asset audit records (sync-server/audits), private to the server like `auth` and `counters`;
 * `settings`: the admins' escalation and assignment rules (sync-server/rules).
 */
export const ALL_DATABASES = [...COLLECTION_NAMES, 'auth', 'counters', 'audits', 'slaClaims', 'settings'] as const;

/** Create every database and index; safe to run on every start and from several processes at once. */
export async function ensureDatabases(couch: ServerScope, prefix: string): Promise<void> {
  for (const name of ALL_DATABASES) {
    const dbName = databaseName(prefix, name);
    await createIfMissing(couch, dbName);
    for (const index of INDEXES[name as CollectionName | 'auth'] ?? []) {
      // createIndex is idempotent: an identical definition answers `exists`.
      await couch.use(dbName).createIndex({ index: { fields: index.fields }, name: index.name, ddoc: index.name });
    }
  }
}

async function createIfMissing(couch: ServerScope, dbName: string): Promise<void> {
  try {
    await couch.db.get(dbName);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await couch.db.create(dbName);
    } catch (createError) {
      // Another process created it between our check and our create.
      if ((createError as { statusCode?: number }).statusCode !== 412) throw createError;
    }
  }
}
