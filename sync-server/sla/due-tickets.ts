import type { RawStored, Store } from '../store/store';

/** The store's query for tickets whose next threshold has passed (the `by-next-threshold` Mango index). */
export const dueBy = (now: Date) => ({ 'sla.nextThresholdAt': { $lte: now.toISOString() } });

/**
 * Tickets whose next threshold has passed, the most overdue first, at most `batch`: a scan of the
 * server's in-memory changes feed when it is current (100,000 tickets in milliseconds), else the
 * store's Mango index (~120–160 ms at 100,000 tickets on the embedded store).
 */
export async function findDueTickets(store: Store, now: Date, batch: number): Promise<RawStored[]> {
  const cutoff = now.toISOString();
  const cached = await store.scanCached('tickets', (stored) => isDueBy(stored.fields, cutoff));
  if (!cached) return store.find('tickets', dueBy(now), batch);
  return cached.sort(byNextThreshold).slice(0, batch);
}

const nextThresholdOf = (fields: Record<string, unknown>) => (fields.sla as { nextThresholdAt?: unknown } | undefined)?.nextThresholdAt;

/** `dueBy` in memory: thresholds are server-written UTC stamps, so string order is time order. */
function isDueBy(fields: Record<string, unknown>, cutoff: string): boolean {
  const next = nextThresholdOf(fields);
  return typeof next === 'string' && next <= cutoff;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The Mango index's order: by threshold, then by id. */
const byNextThreshold = (a: RawStored, b: RawStored) =>
  compare(String(nextThresholdOf(a.fields)), String(nextThresholdOf(b.fields))) || compare(String(a.fields.id), String(b.fields.id));
