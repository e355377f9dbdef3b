import type { CollectionName } from '../schemas/collections';
import type { Principal } from './principal';

/**
 * Read scope as keys. Every stored document carries the keys that may read it (computed by the
 * server on write); a principal holds keys per collection or `all`. A document is visible when the
 * two intersect. Keys a document used to carry (its former keys) let the server tell a device that
 * the document left its scope, so the device removes it on the next pull.
 */
export type ScopeKey = `user:${string}` | `site:${string}` | 'public';
export type PrincipalScope = 'all' | readonly ScopeKey[];

const REFERENCE: readonly CollectionName[] = ['users', 'sites', 'slaPolicies', 'categories'];

export const userKey = (userId: string): ScopeKey => `user:${userId}`;
export const siteKey = (siteId: string): ScopeKey => `site:${siteId}`;

export function readScopeFor(principal: Principal, collection: CollectionName): PrincipalScope {
  const own = [userKey(principal.id)];
  if (collection === 'notifications') return own;
  if (REFERENCE.includes(collection)) return 'all';
  switch (principal.role) {
    case 'admin':
    case 'dispatcher':
      return 'all';
    case 'engineer':
      return collection === 'assets' ? 'all' : own;
    case 'site_manager':
      if (collection === 'workOrders') return [];
      return [...own, ...principal.siteIds.map(siteKey)];
  }
}

/** Scope keys of a document computed from its own fields (comments and activities inherit theirs). */
export function ownScopeKeys(collection: CollectionName, doc: Record<string, unknown>): ScopeKey[] {
  const str = (field: string) => (typeof doc[field] === 'string' ? String(doc[field]) : undefined);
  const keys: (ScopeKey | undefined)[] = [];
  switch (collection) {
    case 'tickets':
      keys.push(siteKeyOf(str('siteId')), userKeyOf(str('assigneeId')), userKeyOf(str('reportedBy')));
      break;
    case 'workOrders':
      keys.push(userKeyOf(str('assigneeId')));
      break;
    case 'assets':
      keys.push(siteKeyOf(str('siteId')));
      break;
    case 'notifications':
      keys.push(userKeyOf(str('userId')));
      break;
    case 'comments':
    case 'activities':
    case 'attachments':
      // Readable only through the document they belong to (the server passes its readers down).
      break;
    default:
      keys.push('public');
  }
  return [...new Set(keys.filter((key): key is ScopeKey => key !== undefined))];
}

export function isInScope(scope: PrincipalScope, docKeys: readonly string[]): boolean {
  return scope === 'all' || docKeys.some((key) => (scope as readonly string[]).includes(key));
}

function siteKeyOf(siteId: string | undefined) {
  return siteId ? siteKey(siteId) : undefined;
}
function userKeyOf(userId: string | undefined) {
  return userId ? userKey(userId) : undefined;
}
