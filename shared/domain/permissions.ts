import type { AnyDoc, CollectionName } from '../schemas/collections';
import type { Role } from '../schemas/common';
import { explainChecklistRefusal } from './checklist';
import { changedFields, serverOwnedFields, SERVER_WRITTEN_COLLECTIONS } from './doc-rules';
import type { Principal } from './principal';
import { withArticle } from './wording';

/**
 * Who may write what. Read scope (scope.ts) is checked separately on both the old and the new
 * state, so these rules only say which kinds of writes a role may make and which fields it may change.
 */
type WriteRule = {
  create: boolean;
  /** Fields the role may change on an existing document; `all` = every client-writable field. */
  update: 'all' | readonly string[];
  delete: boolean;
  /** Fields that must name the acting user when the role creates a document. */
  createdAsSelf?: readonly string[];
  /** The field that must name one of the acting user's own sites (site managers). */
  ownSiteField?: string;
};

const NONE: WriteRule = { create: false, update: [], delete: false };
const FULL: WriteRule = { create: true, update: 'all', delete: true };
const MARK_READ: WriteRule = { create: false, update: ['readAt'], delete: false };
const POST_COMMENT: WriteRule = { create: true, update: [], delete: false, createdAsSelf: ['authorId'] };
/** Photos and signatures are immutable once taken; whoever can see the owner may add one. */
const ADD_ATTACHMENT: WriteRule = { create: true, update: [], delete: false, createdAsSelf: ['createdBy'] };

/** The engineer owns execution; assignment and schedule stay with the desk. */
export const ENGINEER_WORK_ORDER_FIELDS = [
  'status', 'checklist', 'parts', 'timeLogs', 'notes', 'photos', 'signature', 'checkIn', 'resolution', 'completedAt',
] as const;

export const WRITE_RULES: Record<Role, Record<CollectionName, WriteRule>> = {
  admin: {
    users: FULL, sites: FULL, assets: FULL, tickets: FULL, workOrders: FULL,
    // A ticket's conversation is append-only (DESIGN.md), for admins too: no edit, no delete.
    comments: POST_COMMENT, activities: NONE, notifications: MARK_READ,
    slaPolicies: FULL, categories: FULL, attachments: { ...ADD_ATTACHMENT, delete: true },
  },
  dispatcher: {
    users: NONE, sites: NONE, slaPolicies: NONE, categories: NONE, activities: NONE,
    assets: FULL,
    tickets: { create: true, update: 'all', delete: false },
    workOrders: { create: true, update: 'all', delete: false },
    comments: POST_COMMENT, notifications: MARK_READ, attachments: ADD_ATTACHMENT,
  },
  engineer: {
    users: NONE, sites: NONE, slaPolicies: NONE, categories: NONE, activities: NONE,
    assets: { create: false, update: ['status', 'location'], delete: false },
    tickets: { create: true, update: ['status', 'tags'], delete: false, createdAsSelf: ['reportedBy'] },
    workOrders: { create: false, update: ENGINEER_WORK_ORDER_FIELDS, delete: false },
    comments: POST_COMMENT, notifications: MARK_READ, attachments: ADD_ATTACHMENT,
  },
  site_manager: {
    users: NONE, sites: NONE, slaPolicies: NONE, categories: NONE, activities: NONE,
    assets: NONE, workOrders: NONE,
    tickets: { create: true, update: [], delete: false, createdAsSelf: ['reportedBy'], ownSiteField: 'siteId' },
    comments: POST_COMMENT, notifications: MARK_READ, attachments: ADD_ATTACHMENT,
  },
};

export type WriteRefusal = { message: string; field?: string };

/**
 * Why this principal may not turn `before` into `after`, or null when the write is allowed.
 * `before` is undefined for a create; `after._deleted` marks a delete.
 */
export function explainWriteRefusal(
  principal: Principal,
  collection: CollectionName,
  before: AnyDoc | undefined,
  after: AnyDoc,
): WriteRefusal | null {
  if (SERVER_WRITTEN_COLLECTIONS.includes(collection)) {
    return { message: `${collection} are written by the server only` };
  }
  const rule = WRITE_RULES[principal.role][collection];
  const role = principal.role;
  if (!before || before._deleted) {
    if (!rule.create) return { message: `${withArticle(role)} cannot create ${collection}` };
    const notSelf = rule.createdAsSelf?.find((field) => readField(after, field) !== principal.id);
    if (notSelf) return { message: `${notSelf} must be your own user id`, field: notSelf };
    const site = rule.ownSiteField ? readField(after, rule.ownSiteField) : undefined;
    if (rule.ownSiteField && !principal.siteIds.includes(String(site))) {
      return { message: `${rule.ownSiteField} must be one of your sites`, field: rule.ownSiteField };
    }
    return null;
  }
  const lockout = selfLockout(principal, collection, before, after);
  if (lockout) return lockout;
  if (after._deleted) return rule.delete ? null : { message: `${withArticle(role)} cannot delete ${collection}` };
  // Every role, admins too: a ticked item is the engineer's record of work done (checklist.ts).
  if (before.type === 'workOrder' && after.type === 'workOrder') {
    const checklist = explainChecklistRefusal(before, after);
    if (checklist) return checklist;
  }
  const owned = new Set(serverOwnedFields(collection));
  const changed = changedFields(before, after).filter((field) => !owned.has(field) && field !== '_deleted');
  if (rule.update === 'all') return null;
  const allowed = rule.update;
  const refused = changed.find((field) => !allowed.includes(field));
  return refused ? { message: `${withArticle(role)} cannot change ${refused} on ${collection}`, field: refused } : null;
}

/**
 * Nobody removes their own access: a user cannot delete, deactivate or change the role of their own
 * directory entry (an admin doing so could leave the service with no admin at all). Another admin can.
 */
function selfLockout(principal: Principal, collection: CollectionName, before: AnyDoc, after: AnyDoc): WriteRefusal | null {
  if (collection !== 'users' || after.id !== principal.id || before.type !== 'user' || after.type !== 'user') return null;
  if (after._deleted) return { message: 'you cannot delete your own account; another admin can' };
  if (!after.active && before.active) return { message: 'you cannot deactivate your own account; another admin can', field: 'active' };
  if (after.role !== before.role) return { message: 'you cannot change your own role; another admin can', field: 'role' };
  return null;
}

function readField(doc: AnyDoc, field: string): unknown {
  return (doc as Record<string, unknown>)[field];
}
