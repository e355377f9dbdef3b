import { isDeepEqual } from '@shared/domain/doc-rules';
import { buildRecipientDirectory, escalationRecipients, type RecipientDirectory } from '@shared/domain/rules/escalation-recipients';
import { type BusinessCalendar, calendarOf } from '@shared/domain/sla/calendar';
import { computeTicketSla, markThresholdCrossed } from '@shared/domain/sla/ticket-sla';
import { allThresholds, liveThresholds, type SlaTargets, type Threshold } from '@shared/domain/sla/thresholds';
import { type SlaPolicy, SlaPolicySchema } from '@shared/schemas/misc';
import { type Site, SiteSchema } from '@shared/schemas/site';
import type { Ticket, TicketSla } from '@shared/schemas/ticket';
import type { EscalationRules } from '@shared/schemas/rules';
import { UserSchema } from '@shared/schemas/user';
import type { ServiceDeps } from '../app-deps';
import { parseStoredDoc } from '../replication/visibility';
import { readRuleSet } from '../rules/rule-set-store';
import type { BulkWrite, RawStored } from '../store/store';
import { computeAcl } from '../services/acl';
import { activityAcl } from '../services/audit';
import { claimId, claimThresholds } from './claims';
import { dueBy, findDueTickets, indexDueTickets } from './due-tickets';
import { buildNotification, buildSlaActivity } from './notices';
import { FALLBACK_TIME_ZONE, targetsOf } from './ticket-fields';

export type CheckerOptions = {
  /** Most tickets one run reads. */
  batch: number;
  /** Tests only: called after each claim this process creates (the crash hook lives in start.ts). */
  afterClaim?: () => void;
};
export type CheckerRun = { tickets: number; crossed: number; notifications: number };

/** What a run reads once, whatever the number of tickets: the rules in force and the people they can reach among them. */
type RunContext = { now: Date; escalation: EscalationRules; recipients: RecipientDirectory; policies: Map<string, SlaPolicy>; sites: Map<string, Site> };
/** One due ticket: what is due on it and its SLA once those thresholds are marked crossed. */
type Plan = { stored: RawStored; ticket: Ticket; pending: Threshold[]; sla: TicketSla };

const MVCC_ATTEMPTS = 5;

/**
 * One run of the SLA checker. It reads only tickets whose `sla.nextThresholdAt` has passed (a Mango
 * index, so 100,000 quiet tickets cost nothing) and, for the thresholds due on them:
 * 1. claims each (ticket, threshold) by creating a document with a deterministic id in the private
 *    claims database — CouchDB's MVCC lets exactly one process create it; the others use the
 *    recipients the winner recorded;
 * 2. writes one notification per recipient and one activity per threshold, with deterministic ids
 *    (a repeat is a 409, so a process that died after its claim is completed by the next run);
 * 3. marks the thresholds crossed on the ticket (MVCC; a ticket changed meanwhile is re-read and
 *    done again, which steps 1–2 make harmless).
 * Each step is one bulk request for the whole batch (step 2's two run side by side); every step is idempotent.
 */
export class SlaChecker {
  /**
   * Settles once the due-ticket index has taken in the last run's writes. The store updates a
   * Mango index when it is next queried, so without this the next run's query would first index
   * this run's tickets (~100 ms for 100 of them); done right after a run, that happens in the
   * minute between runs. Tests and the bench wait for it where a real interval would pass.
   */
  indexRefreshed: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly options: CheckerOptions,
  ) {
    indexDueTickets(deps.store);
  }

  async runOnce(): Promise<CheckerRun> {
    const now = this.deps.clock.now();
    const due = await findDueTickets(this.deps.store, now, this.options.batch);
    const run: CheckerRun = { tickets: due.length, crossed: 0, notifications: 0 };
    if (due.length === 0) return run;
    const context = await this.loadContext(due, now);
    let plans = due.flatMap((stored) => this.plan(stored, context) ?? []);
    for (let attempt = 0; attempt < MVCC_ATTEMPTS && plans.length > 0; attempt++) {
      run.notifications += await this.notify(plans, context);
      const lost = await this.saveTickets(plans, context.now);
      run.crossed += plans.filter((plan) => !lost.includes(plan)).reduce((sum, plan) => sum + plan.pending.length, 0);
      // A ticket changed since it was read: read it again and redo it (claims make that harmless).
      const reread = await this.deps.store.getMany('tickets', lost.map((plan) => plan.ticket.id));
      plans = [...reread.values()].flatMap((stored) => this.plan(stored, context) ?? []);
    }
    if (plans.length > 0) this.deps.logger.warn({ tickets: plans.map((plan) => plan.ticket.id) }, 'SLA checker: tickets kept changing; left for the next run');
    this.indexRefreshed = this.refreshDueIndex();
    return run;
  }

  private async refreshDueIndex(): Promise<void> {
    try {
      await this.deps.store.find('tickets', dueBy(new Date(0)), 1);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'SLA checker: could not refresh the due-ticket index after a run; the next run will');
    }
  }

  private async loadContext(due: RawStored[], now: Date): Promise<RunContext> {
    const { store, logger } = this.deps;
    const idsOf = (field: string) => [...new Set(due.map((stored) => stored.fields[field]).filter((id): id is string => typeof id === 'string'))];
    // Independent reads: one round trip's wait instead of four.
    const [storedPolicies, storedSites, storedUsers, rules] = await Promise.all([
      store.getMany('slaPolicies', idsOf('slaPolicyId')),
      store.getMany('sites', idsOf('siteId')),
      store.find('users', { type: 'user' }, 100_000),
      readRuleSet(store, logger),
    ]);
    const policies = parseAll(storedPolicies.values(), SlaPolicySchema);
    const sites = parseAll(storedSites.values(), SiteSchema);
    const users = parseAll(storedUsers, UserSchema);
    if (users.length === 0) logger.warn('SLA checker: no users to notify');
    return {
      now,
      escalation: rules.ruleSet.escalation,
      recipients: buildRecipientDirectory(users),
      policies: new Map(policies.map((p) => [p.id, p])),
      sites: new Map(sites.map((s) => [s.id, s])),
    };
  }

  /** What is due on one ticket, or undefined when there is nothing to write. */
  private plan(stored: RawStored, context: RunContext): Plan | undefined {
    const ticket = parseStoredDoc('tickets', stored.fields, this.deps.logger) as Ticket | undefined;
    const policy = ticket && context.policies.get(ticket.slaPolicyId);
    if (!ticket || !policy) {
      this.deps.logger.error({ ticketId: stored.fields.id }, 'SLA checker: ticket or its SLA policy unreadable; skipped');
      return undefined;
    }
    const calendar = calendarOf(policy, context.sites.get(ticket.siteId)?.timezone ?? FALLBACK_TIME_ZONE);
    const targets = targetsOf(policy);
    const pending = dueThresholds(ticket, calendar, targets, context.now);
    let sla = ticket.sla;
    for (const threshold of pending) sla = markThresholdCrossed({ calendar, targets, ticket: { ...ticket, sla }, now: context.now }, threshold.key);
    // Nothing due after all (the policy changed since): refresh the stale next-threshold time.
    if (pending.length === 0) sla = computeTicketSla({ calendar, targets, ticket, previous: ticket, actionAt: context.now, now: context.now }).sla;
    return isDeepEqual(sla, ticket.sla) ? undefined : { stored, ticket, pending, sla };
  }

  /** Claims, then notifications and activities for every pending threshold. Returns notifications created. */
  private async notify(plans: Plan[], context: RunContext): Promise<number> {
    const { store } = this.deps;
    // Only a threshold claimed now takes the current rules' recipients; one claimed before keeps those
    // its claim recorded, so a rule change never re-tells or re-chooses a threshold already acted on.
    const recipientsOf = (ticket: Ticket, threshold: Threshold) => escalationRecipients(context.escalation, threshold.kind, ticket, context.recipients);
    const requests = plans.flatMap(({ ticket, pending }) => pending.map((threshold) => ({ ticketId: ticket.id, threshold, recipients: recipientsOf(ticket, threshold) })));
    const claims = await claimThresholds(store, requests, context.now);
    for (const claim of claims.values()) if (claim.created) this.options.afterClaim?.();
    const notifications: BulkWrite[] = [];
    const activities: BulkWrite[] = [];
    for (const { ticket, pending, stored } of plans) {
      for (const threshold of pending) {
        const claim = claims.get(claimId(ticket.id, threshold.key));
        if (!claim) throw new Error(`no claim for ${ticket.id} ${threshold.key}`);
        for (const userId of claim.recipients) {
          const doc = buildNotification(ticket, threshold, userId, claim.at, context.sites.get(ticket.siteId)?.timezone ?? FALLBACK_TIME_ZONE);
          notifications.push({ doc, acl: computeAcl('notifications', doc) });
        }
        activities.push({ doc: buildSlaActivity(ticket, threshold, claim.recipients, claim.at), acl: activityAcl(stored.acl) });
      }
    }
    // Both are idempotent (deterministic ids) and independent; the tickets are marked only after both.
    const [written] = await Promise.all([store.bulkPut('notifications', notifications), store.bulkPut('activities', activities)]);
    return written.filter((result) => result.ok).length;
  }

  /** Writes the new SLA of every planned ticket, each guarded by its revision; returns the plans that lost. */
  private async saveTickets(plans: Plan[], now: Date): Promise<Plan[]> {
    const at = now.toISOString();
    // Only the SLA changes, which no client writes: a pushing device's claim on its last version holds (PushOrigin).
    const results = await this.deps.store.bulkPut('tickets', plans.map(({ ticket, sla, stored }) => ({ doc: { ...ticket, sla, updatedAt: at }, acl: stored.acl, rev: stored.rev, origin: stored.origin })));
    return plans.filter((_, index) => !results[index]?.ok);
  }
}

/** Thresholds that happened while the clocks ran, have passed, and have not been acted on. */
export function dueThresholds(ticket: Ticket, calendar: BusinessCalendar, targets: SlaTargets, now: Date): Threshold[] {
  const crossed = ticket.sla.crossed ?? [];
  const live = liveThresholds(allThresholds(calendar, targets, ticket.createdAt, ticket.sla), ticket.status, ticket.sla, ticket.statusChangedAt);
  return live.filter((threshold) => threshold.atMs <= now.getTime() && !crossed.includes(threshold.key));
}

function parseAll<T>(stored: Iterable<RawStored>, schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } }): T[] {
  return [...stored].flatMap((entry) => {
    const parsed = schema.safeParse(entry.fields);
    return parsed.success ? [parsed.data] : [];
  });
}
