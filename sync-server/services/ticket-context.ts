import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { Category, SlaPolicy } from '@shared/schemas/misc';
import type { Ticket } from '@shared/schemas/ticket';
import type { Asset } from '@shared/schemas/asset';
import { badRequest } from '../errors';
import type { Logger } from '../logger';
import { parseStoredDoc } from '../replication/visibility';
import type { Store } from '../store/store';
import type { ReferenceSet } from './references';

/** The reference data a ticket push is checked against: every live SLA policy and category (a few dozen). */
export type TicketReference = { policies: SlaPolicy[]; categories: Category[] };

export async function loadTicketReference(store: Store, logger: Logger): Promise<TicketReference> {
  const [policies, categories] = await Promise.all([
    store.find('slaPolicies', { type: 'slaPolicy' }, 1000),
    store.find('categories', { type: 'category' }, 1000),
  ]);
  const live = <D extends AnyDoc>(collection: CollectionName, stored: typeof policies) =>
    stored.flatMap((entry) => (parseStoredDoc(collection, entry.fields, logger) as D | undefined) ?? []).filter((doc) => !doc._deleted);
  return { policies: live<SlaPolicy>('slaPolicies', policies).sort((a, b) => (a.id < b.id ? -1 : 1)), categories: live<Category>('categories', categories) };
}

/**
 * SLA policies are per priority (DESIGN.md), so a ticket is judged by a policy for its priority:
 * the one it names when that fits, else its priority's policy (a priority change thus moves the
 * ticket to the new priority's policy, and its due times follow). No policy for the priority is
 * a 400 naming the priority: no due time could be computed.
 */
export function withPolicyForPriority(ticket: Ticket, reference: TicketReference, index: number): Ticket {
  const named = reference.policies.find((policy) => policy.id === ticket.slaPolicyId);
  if (named?.priority === ticket.priority) return ticket;
  const fitting = reference.policies.find((policy) => policy.priority === ticket.priority);
  if (!fitting) throw badRequest(`row ${index}: no SLA policy covers ${ticket.priority} tickets`, `[${index}].newDocumentState.priority`);
  return { ...ticket, slaPolicyId: fitting.id };
}

/**
 * A ticket's category must be one of the configured categories (reports group by it); a store
 * without any categories yet accepts any. An unchanged category passes, so a category renamed or
 * removed later does not block edits of older tickets.
 */
export function checkCategory(ticket: Ticket, before: Ticket | undefined, reference: TicketReference, index: number): void {
  if (ticket._deleted || before?.category === ticket.category || reference.categories.length === 0) return;
  if (reference.categories.some((category) => category.name === ticket.category)) return;
  throw badRequest(`row ${index}: ${ticket.category} is not a category; use one of ${reference.categories.map((category) => category.name).join(', ')}`, `[${index}].newDocumentState.category`);
}

type AtSite = { assetId?: string; siteId: string };

/**
 * The asset a ticket or work order is about must stand at its site: a job at one site on another's
 * asset is a mistake. Checked when either changes, so an asset moved later does not block edits.
 */
export function checkAssetAtSite(collection: CollectionName, doc: AnyDoc, before: AnyDoc | undefined, references: ReferenceSet, index: number, logger: Logger): void {
  if ((collection !== 'tickets' && collection !== 'workOrders') || doc._deleted) return;
  const { assetId, siteId } = doc as AtSite;
  const previous = before as AtSite | undefined;
  if (previous && previous.assetId === assetId && previous.siteId === siteId) return;
  const asset = assetId ? references.parsed<Asset>('assets', assetId, logger) : undefined;
  if (asset && asset.siteId !== siteId) throw badRequest(`row ${index}: asset ${asset.tag} is at another site than ${siteId}`, `[${index}].newDocumentState.assetId`);
}
