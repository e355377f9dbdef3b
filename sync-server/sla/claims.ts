import { z } from 'zod';
import type { Threshold } from '@shared/domain/sla/thresholds';
import type { Store } from '../store/store';

const ClaimSchema = z.object({ recipients: z.array(z.string()), at: z.string() });

export type Claim = { created: boolean; recipients: string[]; at: string };
export type ClaimRequest = { ticketId: string; threshold: Threshold; recipients: string[] };

export const claimId = (ticketId: string, key: string) => `claim:${ticketId}:${key}`;

/**
 * Claim thresholds of tickets by creating one claim document each (in one `_bulk_docs` request).
 * CouchDB lets exactly one creator of an id win (the others get a per-document 409:
 * https://docs.couchdb.org/en/stable/api/database/bulk-api.html#bulk-documents-transaction-semantics),
 * so across processes and restarts a threshold is decided once: who is told and at what time.
 * A loser (or a restarted process finishing a half-done run) uses what the existing claim recorded.
 */
export async function claimThresholds(store: Store, requests: ClaimRequest[], now: Date): Promise<Map<string, Claim>> {
  const at = now.toISOString();
  const docs = requests.map(({ ticketId, threshold, recipients }) => ({
    _id: claimId(ticketId, threshold.key), ticketId, threshold: threshold.key, thresholdAt: new Date(threshold.atMs).toISOString(), recipients, at,
  }));
  const created = await store.bulkCreatePrivate('slaClaims', docs);
  const claims = new Map<string, Claim>();
  const lost: string[] = [];
  docs.forEach((doc, index) => {
    if (created[index]) claims.set(doc._id, { created: true, recipients: doc.recipients, at });
    else lost.push(doc._id);
  });
  const existing = await store.getManyPrivate('slaClaims', lost);
  for (const id of lost) {
    const parsed = ClaimSchema.safeParse(existing.get(id));
    if (!parsed.success) throw new Error(`SLA claim ${id} exists but cannot be read`);
    claims.set(id, { created: false, recipients: parsed.data.recipients, at: parsed.data.at });
  }
  return claims;
}
