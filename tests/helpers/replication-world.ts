import type { Principal } from '@shared/domain/principal';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { Ticket, WorkOrder } from '@shared/schemas';
import { signAccessToken } from '@server/auth/access-token';
import { computeAcl } from '@server/services/acl';
import type { Store } from '@server/store/store';
import { TestApi } from './api-client';
import {
  buildAsset,
  buildSite,
  buildSlaPolicy,
  buildTicket as buildFactoryTicket,
  buildUser,
  buildWorkOrder as buildFactoryWorkOrder,
} from './factories';

/**
 * A small, fully known world for replication tests: two sites, two engineers with 15 work orders
 * each, a site manager for site A, a dispatcher and an admin. Tests compare pulls against it.
 * Documents come from the shared factories; only what the world depends on is stated here.
 */
export const PEOPLE = {
  admin: { id: 'u-admin', role: 'admin', siteIds: [] },
  dispatcher: { id: 'u-disp', role: 'dispatcher', siteIds: [] },
  engA: { id: 'u-eng-a', role: 'engineer', siteIds: [] },
  engB: { id: 'u-eng-b', role: 'engineer', siteIds: [] },
  managerA: { id: 'u-mgr-a', role: 'site_manager', siteIds: ['site-a'] },
} as const satisfies Record<string, Principal>;

const POLICY = buildSlaPolicy({ id: 'pol-high' });

/** A ticket of the world: reported by site A's manager under the high policy unless stated. */
export function buildTicket(overrides: Partial<Ticket> & Pick<Ticket, 'id' | 'siteId'>): Ticket {
  return buildFactoryTicket({ number: 'TCK-000000', reportedBy: PEOPLE.managerA.id, slaPolicyId: POLICY.id, ...overrides });
}

export function buildWorkOrder(overrides: Partial<WorkOrder> & Pick<WorkOrder, 'id' | 'assigneeId'>): WorkOrder {
  return buildFactoryWorkOrder({ number: 'WO-000000', siteId: 'site-a', ...overrides });
}

const userOf = (principal: Principal) =>
  buildUser({ id: principal.id, username: principal.id.replace(/^u-/, '').replace(/-/g, ''), role: principal.role, siteIds: [...principal.siteIds] });
const assetAt = (id: string, siteId: string) => buildAsset({ id, siteId, tag: `TAG-${id.toUpperCase()}` });

export const WORLD = {
  users: Object.values(PEOPLE).map(userOf),
  sites: [buildSite({ id: 'site-a', code: 'LON' }), buildSite({ id: 'site-b', code: 'BER', timezone: 'Europe/Berlin' })],
  slaPolicies: [POLICY],
  assets: ['a1', 'a2', 'a3'].map((id) => assetAt(id, 'site-a')).concat(['b1', 'b2'].map((id) => assetAt(id, 'site-b'))),
  tickets: [
    buildTicket({ id: 'tck-a', siteId: 'site-a', status: 'assigned', assigneeId: PEOPLE.engA.id, number: 'TCK-000001' }),
    buildTicket({ id: 'tck-b', siteId: 'site-b', status: 'assigned', assigneeId: PEOPLE.engB.id, number: 'TCK-000002', reportedBy: PEOPLE.dispatcher.id }),
  ],
  workOrders: Array.from({ length: 30 }, (_, index) =>
    buildWorkOrder({ id: `wo-${String(index).padStart(2, '0')}`, assigneeId: index % 2 === 0 ? PEOPLE.engA.id : PEOPLE.engB.id, number: `WO-${String(index + 1).padStart(6, '0')}` }),
  ),
} satisfies Partial<Record<CollectionName, AnyDoc[]>>;

export async function insertWorld(store: Store): Promise<void> {
  for (const [collection, docs] of Object.entries(WORLD) as [CollectionName, AnyDoc[]][]) {
    await store.bulkInsert(collection, docs.map((doc) => ({ doc, acl: computeAcl(collection, doc) })));
  }
}

/** An API client holding a real access token for one of the world's people. */
export function apiAs(baseUrl: string, principal: Principal, secret: string): TestApi {
  return new TestApi(baseUrl, signAccessToken(principal, secret));
}
