import { isDeepEqual } from '@shared/domain/doc-rules';
import { calendarOf } from '@shared/domain/sla/calendar';
import { computeTicketSla, recordFirstResponse } from '@shared/domain/sla/ticket-sla';
import type { SlaPolicy } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { Ticket, TicketSla } from '@shared/schemas/ticket';
import type { ServiceDeps } from '../app-deps';
import { parseStoredDoc } from '../replication/visibility';
import type { RawStored, Selector } from '../store/store';
import { FALLBACK_TIME_ZONE, targetsOf } from './ticket-fields';

const PAGE = 500;
const MVCC_ATTEMPTS = 5;
/** Tickets whose due times can still matter (a resolved one may be reopened). */
const RECOMPUTED_STATUSES = ['new', 'assigned', 'in_progress', 'on_hold', 'resolved'];

type SlaChange = (ticket: Ticket, policy: SlaPolicy, site: Site | undefined, now: Date) => TicketSla | undefined;

/** New due times for the current policy and calendar; a policy change never rewrites the past. */
const recomputed: SlaChange = (ticket, policy, site, now) =>
  computeTicketSla({ calendar: calendarOf(policy, site?.timezone ?? FALLBACK_TIME_ZONE), targets: targetsOf(policy), ticket, previous: ticket, actionAt: now, now }).sla;

/**
 * Recompute the SLA of every open ticket that matches `selector` (those under a changed policy, or
 * at a site whose time zone changed), page by page in id order. Returns how many tickets changed.
 */
export async function recomputeOpenTickets(deps: ServiceDeps, selector: Selector): Promise<number> {
  let after = '';
  let changed = 0;
  for (;;) {
    const page = await deps.store.find('tickets', { ...selector, status: { $in: RECOMPUTED_STATUSES }, _id: { $gt: after } }, PAGE, { sort: [{ _id: 'asc' }] });
    for (const stored of page) if (await updateTicketSla(deps, stored, recomputed)) changed += 1;
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    after = String(last.fields.id);
  }
  if (changed > 0) deps.logger.info({ selector, changed }, 'SLA due times recomputed');
  return changed;
}

/** The assignee's first comment on a ticket nobody has responded to yet is its first response. */
export async function recordCommentResponse(deps: ServiceDeps, ticketId: string, authorId: string, at: Date): Promise<void> {
  const stored = await deps.store.get('tickets', ticketId);
  if (!stored) return;
  await updateTicketSla(deps, stored, (ticket, policy, site, now) => {
    if (ticket.assigneeId !== authorId || ticket.sla.respondedAt) return undefined;
    const calendar = calendarOf(policy, site?.timezone ?? FALLBACK_TIME_ZONE);
    return recordFirstResponse({ calendar, targets: targetsOf(policy), ticket, actionAt: at, now });
  });
}

/** Apply an SLA change to a stored ticket under MVCC, re-reading after a lost race. */
async function updateTicketSla(deps: ServiceDeps, first: RawStored, change: SlaChange): Promise<boolean> {
  const { store, logger, clock } = deps;
  let stored: RawStored | undefined = first;
  for (let attempt = 0; attempt < MVCC_ATTEMPTS && stored; attempt++) {
    const ticket = parseStoredDoc('tickets', stored.fields, logger) as Ticket | undefined;
    if (!ticket || ticket._deleted) return false;
    const [policyStored, siteStored] = await Promise.all([store.get('slaPolicies', ticket.slaPolicyId), store.get('sites', ticket.siteId)]);
    const policy = policyStored && (parseStoredDoc('slaPolicies', policyStored.fields, logger) as SlaPolicy | undefined);
    if (!policy) return false;
    const site = siteStored && (parseStoredDoc('sites', siteStored.fields, logger) as Site | undefined);
    const now = clock.now();
    const sla = change(ticket, policy, site, now);
    if (!sla || isDeepEqual(sla, ticket.sla)) return false;
    // Only the SLA changes: a pushing device's claim on its last version holds (PushOrigin).
    const [result] = await store.bulkPut('tickets', [{ doc: { ...ticket, sla, updatedAt: now.toISOString() }, acl: stored.acl, rev: stored.rev, origin: stored.origin }]);
    if (result?.ok) return true;
    stored = await store.get('tickets', ticket.id);
  }
  logger.warn({ ticketId: first.fields.id }, 'ticket kept changing while its SLA was updated; the next change recomputes it');
  return false;
}
