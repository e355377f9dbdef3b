import { describe, expect, it } from 'vitest';
import { isInScope, ownScopeKeys, readScopeFor, siteKey, userKey, type PrincipalScope } from '@shared/domain/scope';
import { COLLECTION_NAMES, type CollectionName } from '@shared/schemas/collections';
import { ROLES } from '@shared/schemas/common';
import { buildAsset, buildComment, buildNotification, buildPrincipal, buildTicket, buildWorkOrder } from '../../helpers/factories';

const engineer = buildPrincipal('engineer', { id: 'user-eng1' });
const otherEngineer = buildPrincipal('engineer', { id: 'user-eng2' });
const siteManager = buildPrincipal('site_manager', { id: 'user-site1', siteIds: ['site-a', 'site-b'] });
const dispatcher = buildPrincipal('dispatcher', { id: 'user-dispatch1' });
const admin = buildPrincipal('admin', { id: 'user-admin' });

/** Can this principal read this document? The same question pull, push and stream ask. */
function canRead(principal: typeof engineer, collection: CollectionName, doc: Record<string, unknown>): boolean {
  return isInScope(readScopeFor(principal, collection), ownScopeKeys(collection, doc));
}

describe('engineers', () => {
  it('see only the work orders assigned to them', () => {
    const mine = buildWorkOrder({ assigneeId: engineer.id });
    const theirs = buildWorkOrder({ assigneeId: otherEngineer.id });
    expect(canRead(engineer, 'workOrders', mine)).toBe(true);
    expect(canRead(engineer, 'workOrders', theirs)).toBe(false);
    expect(canRead(otherEngineer, 'workOrders', theirs)).toBe(true);
  });

  it('see tickets assigned to them or reported by them, not the rest', () => {
    expect(canRead(engineer, 'tickets', buildTicket({ assigneeId: engineer.id }))).toBe(true);
    expect(canRead(engineer, 'tickets', buildTicket({ reportedBy: engineer.id }))).toBe(true);
    expect(canRead(engineer, 'tickets', buildTicket({ assigneeId: otherEngineer.id, reportedBy: 'user-site1' }))).toBe(false);
  });

  it('see every asset and all reference data', () => {
    expect(canRead(engineer, 'assets', buildAsset({ siteId: 'site-z' }))).toBe(true);
    for (const collection of ['users', 'sites', 'slaPolicies', 'categories'] as const) {
      expect(readScopeFor(engineer, collection)).toBe('all');
    }
  });
});

describe('site managers', () => {
  it("see their sites' tickets and assets only", () => {
    expect(canRead(siteManager, 'tickets', buildTicket({ siteId: 'site-b', reportedBy: 'user-dispatch1' }))).toBe(true);
    expect(canRead(siteManager, 'tickets', buildTicket({ siteId: 'site-c', reportedBy: 'user-dispatch1' }))).toBe(false);
    expect(canRead(siteManager, 'assets', buildAsset({ siteId: 'site-a' }))).toBe(true);
    expect(canRead(siteManager, 'assets', buildAsset({ siteId: 'site-c' }))).toBe(false);
  });

  it('see no work orders at all, not even on their own site', () => {
    expect(readScopeFor(siteManager, 'workOrders')).toEqual([]);
    expect(canRead(siteManager, 'workOrders', buildWorkOrder({ siteId: 'site-a', assigneeId: siteManager.id }))).toBe(false);
  });

  it('scope keys are their user key plus one key per site', () => {
    expect(readScopeFor(siteManager, 'tickets')).toEqual([userKey('user-site1'), siteKey('site-a'), siteKey('site-b')]);
  });
});

describe('the desk', () => {
  it.each([admin, dispatcher])('$role sees every ticket, work order and asset', (principal) => {
    for (const collection of ['tickets', 'workOrders', 'assets', 'comments', 'activities'] as const) {
      expect(readScopeFor(principal, collection)).toBe('all');
    }
  });
});

describe('notifications', () => {
  it.each(ROLES)('a %s sees only their own, admins included', (role) => {
    const principal = buildPrincipal(role);
    expect(readScopeFor(principal, 'notifications')).toEqual([userKey(principal.id)]);
    expect(canRead(principal, 'notifications', buildNotification({ userId: principal.id }))).toBe(true);
    expect(canRead(principal, 'notifications', buildNotification({ userId: 'user-someone-else' }))).toBe(false);
  });
});

describe('ownScopeKeys', () => {
  it('keys a ticket by site, assignee and reporter, without duplicates', () => {
    const ticket = buildTicket({ siteId: 'site-a', assigneeId: 'user-eng1', reportedBy: 'user-eng1' });
    expect(ownScopeKeys('tickets', ticket).sort()).toEqual(['site:site-a', 'user:user-eng1']);
  });

  it('keys an unassigned ticket by site and reporter only', () => {
    expect(ownScopeKeys('tickets', buildTicket({ siteId: 'site-a', reportedBy: 'user-site1' })).sort()).toEqual(['site:site-a', 'user:user-site1']);
  });

  it('keys a work order by its assignee only', () => {
    expect(ownScopeKeys('workOrders', buildWorkOrder({ assigneeId: 'user-eng3', siteId: 'site-a' }))).toEqual(['user:user-eng3']);
  });

  it('marks reference data public', () => {
    for (const collection of ['users', 'sites', 'slaPolicies', 'categories'] as const) {
      expect(ownScopeKeys(collection, buildComment())).toEqual(['public']);
    }
  });

  it('gives comments, activities and attachments no readers of their own: they inherit their subject\'s', () => {
    for (const collection of ['comments', 'activities', 'attachments'] as const) {
      expect(ownScopeKeys(collection, buildComment())).toEqual([]);
    }
  });

  it('ignores non-string fields instead of inventing keys', () => {
    expect(ownScopeKeys('workOrders', { assigneeId: 42 })).toEqual([]);
  });
});

describe('isInScope', () => {
  it('matches on any shared key; an empty scope matches nothing', () => {
    const scope: PrincipalScope = ['user:u1', 'site:s1'];
    expect(isInScope(scope, ['site:s2', 'site:s1'])).toBe(true);
    expect(isInScope(scope, ['site:s2'])).toBe(false);
    expect(isInScope([], ['public'])).toBe(false);
    expect(isInScope('all', [])).toBe(true);
  });

  it('gives every role a scope for every collection', () => {
    for (const role of ROLES) {
      for (const collection of COLLECTION_NAMES) expect(readScopeFor(buildPrincipal(role), collection)).toBeDefined();
    }
  });
});
