import type { Principal } from '@shared/domain/principal';
import type { AssignmentChoice } from '@shared/domain/rules/assignment-rules';
import { readScopeFor, userKey } from '@shared/domain/scope';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { SlaPolicy } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { AppDeps } from '../app-deps';
import { badRequest } from '../errors';
import { documentFor } from '../replication/visibility';
import { notifyAfterWrite } from '../notify/notify-after-write';
import { asPushed, buildRuleAssignmentActivity } from '../rules/assignment-activity';
import { assignByRule, awaitsAssignment, planAutoAssignments } from '../rules/auto-assign';
import { applySlaAfterWrite } from '../sla/after-write';
import { ticketSlaFields } from '../sla/ticket-fields';
import type { AccessMeta } from '../store/couch-docs';
import type { BulkWrite } from '../store/store';
import { computeAcl, isSameAcl } from './acl';
import { activityAcl, buildActivity } from './audit';
import type { NumberAllocator } from './numbering';
import { loadReferences, type ReferenceSet } from './references';
import { loadTicketReference } from './ticket-context';
import { refreshTicketReaders, workOrderReaders } from './ticket-readers';
import { refreshChildAcls } from './child-acl';
import { checkUniqueFields } from './unique-fields';
import { decideRow, rowId, type RawRow, type RowDecision } from './write-plan';

type PlannedWrite = Extract<RowDecision, { kind: 'write' }>;
/** A planned row with its server-owned fields set; `assignment`: the rule that assigned a new ticket. */
type Prepared = { doc: AnyDoc; acl: AccessMeta; write: PlannedWrite; assignment?: AssignmentChoice };

/**
 * Applies a push (RxDB replication contract): returns the current master of every row whose
 * assumed state was stale; writes the rest with server-owned fields set, each guarded by the
 * revision it was checked against, and records an activity per accepted change.
 */
export class PushService {
  constructor(
    private readonly deps: AppDeps,
    private readonly numbers: NumberAllocator,
  ) {}

  async push(principal: Principal, collection: CollectionName, rows: RawRow[], device?: string): Promise<AnyDoc[]> {
    const ids = rows.map((row, index) => rowId(row, index));
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate) throw badRequest(`document ${duplicate} appears twice in one push`, 'newDocumentState.id');
    const masters = await this.deps.store.getMany(collection, ids);
    await checkUniqueFields(this.deps.store, collection, rows, masters);
    const references = await loadReferences(this.deps.store, collection, rows.map((row) => row.newDocumentState));
    const now = this.deps.clock.now().toISOString();
    const ticketReference = collection === 'tickets' ? await loadTicketReference(this.deps.store, this.deps.logger) : undefined;
    const extraReaders = collection === 'tickets' ? await workOrderReaders(this.deps, ids) : undefined;
    const context = { principal, collection, masters, references, now, logger: this.deps.logger, ticketReference, extraReaders, device };
    // Every row is decided before anything is written, so a refused push changes nothing.
    const decisions = rows.map((row, index) => decideRow(context, row, index));
    const conflicts = decisions.flatMap((decision) => (decision.kind === 'conflict' ? [decision.master] : []));
    const writes = decisions.filter((decision): decision is PlannedWrite => decision.kind === 'write');
    conflicts.push(...(await this.commit(principal, collection, writes, references, now, ticketReference?.policies ?? [])));
    return conflicts;
  }

  /** Writes the planned rows; a row that loses an MVCC race comes back as a conflict. */
  private async commit(principal: Principal, collection: CollectionName, writes: PlannedWrite[], references: ReferenceSet, now: string, policies: SlaPolicy[]) {
    // New tickets nobody is assigned to get their engineer from the admins' rules, in this same write.
    const assignments = await planAutoAssignments(this.deps, writes.flatMap((write) => (awaitsAssignment(write.before, write.candidate) ? [write.candidate] : [])));
    const prepared = await Promise.all(writes.map((write) => this.withServerFields(principal, collection, write, references, now, policies, assignments.get(write.candidate.id))));
    const bulk: BulkWrite[] = prepared.map(({ doc, acl, write }) => ({ doc, acl, rev: write.beforeStored?.rev, origin: write.origin }));
    const results = await this.deps.store.bulkPut(collection, bulk);
    const lost = prepared.filter((_, index) => !results[index]?.ok).map(({ doc }) => doc.id);
    const accepted = prepared.filter((_, index) => results[index]?.ok);
    await this.deps.store.bulkPut('activities', accepted.flatMap((entry) => activitiesOf(collection, entry, principal.id, now)));
    await this.refreshChildren(collection, accepted);
    if (collection === 'workOrders') await refreshTicketReaders(this.deps, accepted.flatMap(({ write, doc }) => ticketsWhoseReadersMoved(write.before, doc)));
    await applySlaAfterWrite(this.deps, collection, accepted.map(({ write }) => write.before), accepted.map(({ doc }) => doc), principal.id);
    // The write is stored: a failed notice must not turn its answer into an error (the device would
    // retry a write that already happened, and the retry no longer looks like a change to anyone).
    await notifyAfterWrite(this.deps, collection, accepted.map(({ write }) => write.before), accepted.map(({ doc }) => doc), principal.id).catch((error: unknown) =>
      this.deps.logger.error({ err: error, collection }, 'a push was stored, but the notices about it could not be written'),
    );
    return this.currentMasters(principal, collection, lost);
  }

  private async withServerFields(principal: Principal, collection: CollectionName, write: PlannedWrite, references: ReferenceSet, now: string, policies: SlaPolicy[], assignment?: AssignmentChoice): Promise<Prepared> {
    let doc = write.candidate;
    if (doc.type === 'ticket') {
      const number = write.before?.type === 'ticket' ? write.before.number : await this.numbers.nextNumber('TCK');
      const policyId = doc.slaPolicyId;
      const policy = policies.find((candidate) => candidate.id === policyId);
      const previous = write.before?.type === 'ticket' ? write.before : undefined;
      const site = references.parsed<Site>('sites', doc.siteId, this.deps.logger);
      const ticket = assignment ? assignByRule(doc, assignment) : doc;
      const slaFields = policy ? ticketSlaFields(ticket, previous, policy, site, new Date(now), this.deps.logger) : { sla: doc.sla };
      doc = { ...ticket, number, ...slaFields };
    } else if (doc.type === 'workOrder') {
      const number = write.before?.type === 'workOrder' ? write.before.number : await this.numbers.nextNumber('WO');
      doc = { ...doc, number };
    }
    const computed = computeAcl(collection, doc, write.beforeStored?.acl, write.inheritAcl, write.extraReaders);
    const acl = write.handedIn ? withFormerReader(computed, principal) : computed;
    return { doc, acl, write, ...(assignment ? { assignment } : {}) };
  }

  /** An owner whose readers changed (reassigned work order or ticket) takes its children along. */
  private async refreshChildren(collection: CollectionName, accepted: { doc: AnyDoc; acl: AccessMeta; write: PlannedWrite }[]) {
    const moved = accepted.filter(({ acl, write }) => write.beforeStored && !isSameAcl(acl, write.beforeStored.acl));
    for (const { doc, acl } of moved) await refreshChildAcls(this.deps, collection, doc.id, acl);
  }

  private async currentMasters(principal: Principal, collection: CollectionName, ids: string[]): Promise<AnyDoc[]> {
    const scope = readScopeFor(principal, collection);
    const masters = await this.deps.store.getMany(collection, ids);
    return [...masters.values()].flatMap((stored) => documentFor(collection, scope, stored, this.deps.logger) ?? []);
  }
}

/**
 * The audit entries of one accepted row: the author's change, and for a ticket a rule assigned, the
 * rule's own entry — so the author is not recorded as assigning it, and the rule is named.
 */
function activitiesOf(collection: CollectionName, { doc, acl, write, assignment }: Prepared, actorId: string, now: string): BulkWrite[] {
  const readers = activityAcl(acl);
  if (!assignment || doc.type !== 'ticket' || write.candidate.type !== 'ticket') return [{ doc: buildActivity(collection, write.before, doc, actorId, now), acl: readers }];
  const pushed = asPushed(doc, write.candidate);
  return [
    { doc: buildActivity(collection, write.before, pushed, actorId, now), acl: readers },
    { doc: buildRuleAssignmentActivity(pushed, doc, assignment, now), acl: readers },
  ];
}

/** The tickets a work order's change may give or take readers: its ticket now and before, when its engineer or ticket changed. */
function ticketsWhoseReadersMoved(before: AnyDoc | undefined, after: AnyDoc): string[] {
  if (after.type !== 'workOrder') return [];
  const previous = before?.type === 'workOrder' ? before : undefined;
  if (previous && previous.assigneeId === after.assigneeId && previous.ticketId === after.ticketId && previous._deleted === after._deleted) return [];
  return [previous?.ticketId, after.ticketId].filter((id): id is string => id !== undefined);
}

/** Work handed in on a document out of the pusher's scope: their device is told to drop it on the next pull. */
function withFormerReader(acl: AccessMeta, principal: Principal): AccessMeta {
  const key = userKey(principal.id);
  if (acl.readers.includes(key) || acl.formerReaders.includes(key)) return acl;
  return { readers: acl.readers, formerReaders: [...acl.formerReaders, key].sort() };
}
