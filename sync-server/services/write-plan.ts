import type { z } from 'zod';
import { isSameClientContent } from '@shared/domain/doc-rules';
import { carriesEarlierPush } from '@shared/domain/own-push';
import { explainWriteRefusal } from '@shared/domain/permissions';
import type { Principal } from '@shared/domain/principal';
import { isInScope, readScopeFor, userKey } from '@shared/domain/scope';
import { explainStatusRefusal } from '@shared/domain/status-rules';
import { COLLECTION_SCHEMAS, type AnyDoc, type CollectionName } from '@shared/schemas/collections';
import { IdSchema } from '@shared/schemas/common';
import { AppError, badRequest, forbidden } from '../errors';
import { zodToBadRequest } from '../middlewares/validate';
import type { Logger } from '../logger';
import { parseStoredDoc, visibilityOf } from '../replication/visibility';
import type { AccessMeta, PushOrigin } from '../store/couch-docs';
import type { RawStored } from '../store/store';
import { computeAcl } from './acl';
import { ownerOf } from '@shared/domain/references';
import type { ReferenceSet } from './references';
import { checkAssetAtSite, checkCategory, type TicketReference, withPolicyForPriority } from './ticket-context';

export type RawRow = { assumedMasterState?: Record<string, unknown> | null; newDocumentState: Record<string, unknown> };

/** What to do with one pushed row once it has been checked against the master. */
export type RowDecision =
  | { kind: 'ack' }
  | { kind: 'conflict'; master: AnyDoc }
  | {
      kind: 'write';
      before?: AnyDoc;
      beforeStored?: RawStored;
      candidate: AnyDoc;
      inheritAcl?: AccessMeta;
      extraReaders?: readonly string[];
      origin?: PushOrigin;
      /** Work handed in on a job (or its photos) taken from the pusher meanwhile: written, then removed from their device. */
      handedIn?: boolean;
    };

/** Placeholders that let a client-built document pass its schema; the server replaces them on write. */
const PLACEHOLDER_NUMBER: Partial<Record<CollectionName, string>> = { tickets: 'TCK-000000', workOrders: 'WO-000000' };

export type PlanContext = {
  principal: Principal;
  collection: CollectionName;
  masters: Map<string, RawStored>;
  references: ReferenceSet;
  now: string;
  logger: Logger;
  /** Loaded for ticket pushes only. */
  ticketReference?: TicketReference;
  /** Readers a ticket gets from its work orders' engineers (services/ticket-readers.ts); ticket pushes only. */
  extraReaders?: Map<string, readonly string[]>;
  /** The pushing device's database (protocol DEVICE_HEADER), when it names one. */
  device?: string;
};

export function rowId(row: RawRow, index: number): string {
  const parsed = IdSchema.safeParse(row.newDocumentState.id);
  if (!parsed.success) throw badRequest(`row ${index}: newDocumentState.id: ${parsed.error.issues[0]?.message}`, `[${index}].newDocumentState.id`);
  return parsed.data;
}

/**
 * Decide a row without writing anything: a stale assumed state is a conflict (the master goes
 * back), a replay of what the master already holds is acknowledged, anything else must pass the
 * schema, the role's write rules, the state machine, references and read scope — or the whole
 * push is refused before a single document is written.
 */
export function decideRow(context: PlanContext, row: RawRow, index: number): RowDecision {
  const { collection, principal, logger } = context;
  const id = rowId(row, index);
  const scope = readScopeFor(principal, collection);
  const stored = context.masters.get(id);
  // The deletion of a document the server never had (a device dropping a refused create): nothing to do.
  if (!stored && row.newDocumentState._deleted === true) return { kind: 'ack' };
  const visibility = stored ? visibilityOf(scope, stored) : undefined;
  if (visibility === 'hidden') throw forbidden(`row ${index}: ${collection}/${id} is not yours to change`);
  const master = stored ? parseStoredDoc(collection, stored.fields, logger) : undefined;
  if (stored && !master) throw new AppError(500, 'internal', `stored ${collection}/${id} is damaged`);
  if (master) {
    // A device that already accepted the removal pushes its deletion: nothing left to tell it.
    if (visibility === 'removed' && row.newDocumentState._deleted === true) return { kind: 'ack' };
    if (visibility === 'removed' && !handsInWork(context, row, master)) return removalOf(master);
    // Nothing (more) to hand in: the device is told to drop the job.
    if (isSameClientContent(collection, master, row.newDocumentState)) return visibility === 'removed' ? removalOf(master) : { kind: 'ack' };
    if (replaysCreationOfAssigned(collection, master, row)) return { kind: 'ack' };
    // A deleted document stays deleted: a push that would bring it back (a device that edited it
    // just as the deletion arrived) gets the deletion back as a conflict, to merge and record.
    if (master._deleted && row.newDocumentState._deleted !== true) return { kind: 'conflict', master };
    const assumedIsMaster = row.assumedMasterState && isSameClientContent(collection, master, row.assumedMasterState);
    if (!assumedIsMaster && !continuesOwnPush(context, stored, row)) return { kind: 'conflict', master };
  }
  const parsed = parseCandidate(context, row.newDocumentState, master, index);
  checkRules(context, master, parsed, index);
  const candidate = context.ticketReference && parsed.type === 'ticket' && !parsed._deleted ? withPolicyForPriority(parsed, context.ticketReference, index) : parsed;
  // What the schema leaves of the push (unknown fields dropped, text trimmed) may be what is stored.
  if (master && isSameClientContent(collection, master, candidate)) return visibility === 'removed' ? removalOf(master) : { kind: 'ack' };
  const owner = ownerAccess(context, candidate, stored, index);
  const inheritAcl = owner?.acl;
  const extraReaders = context.extraReaders?.get(candidate.id);
  const acl = computeAcl(collection, candidate, stored?.acl, inheritAcl, extraReaders);
  const handedIn = visibility === 'removed' || owner?.handedIn === true;
  if (!handedIn && !isInScope(scope, acl.readers)) throw forbidden(`row ${index}: the result would be outside what you may see`);
  return { kind: 'write', before: master, beforeStored: stored, candidate, inheritAcl, extraReaders, origin: pushOrigin(context, row), ...(handedIn ? { handedIn } : {}) };
}

function pushOrigin(context: PlanContext, row: RawRow): PushOrigin | undefined {
  if (!context.device) return undefined;
  const base = row.assumedMasterState?.updatedAt;
  return { device: context.device, userId: context.principal.id, base: typeof base === 'string' ? base : null };
}

/**
 * The master is this device's own earlier push from the same base, whose answer never arrived
 * (the connection dropped, or the app was closed before RxDB's retry), and the new version still
 * carries that push's changes (shared/domain/own-push.ts): it is written on top, where a conflict
 * would set the engineer against their own earlier value.
 */
function continuesOwnPush(context: PlanContext, stored: RawStored | undefined, row: RawRow): boolean {
  const written = stored?.origin;
  const pushing = pushOrigin(context, row);
  if (!stored || !written || !pushing) return false;
  const samePush = written.device === pushing.device && written.userId === pushing.userId && written.base === pushing.base;
  // The device's copy may also have fallen back behind its own push: then only a merge is safe.
  return samePush && carriesEarlierPush(context.collection, row.assumedMasterState, stored.fields, row.newDocumentState);
}

function parseCandidate(context: PlanContext, incoming: Record<string, unknown>, master: AnyDoc | undefined, index: number): AnyDoc {
  const { collection, now } = context;
  const masterRecord: Record<string, unknown> = master ?? {};
  const serverOwned: Record<string, unknown> = { createdAt: master?.createdAt ?? now, updatedAt: now };
  const placeholder = PLACEHOLDER_NUMBER[collection];
  if (placeholder) serverOwned.number = masterRecord.number ?? placeholder;
  if (collection === 'tickets') serverOwned.sla = masterRecord.sla ?? placeholderSla(now);
  // An alert's due time is the server's: kept when an app from before it sends none, never taken from a client.
  if (collection === 'notifications') serverOwned.due = masterRecord.due;
  const schema: z.ZodType<AnyDoc> = COLLECTION_SCHEMAS[collection];
  const parsed = schema.safeParse({ _deleted: false, ...incoming, ...serverOwned });
  if (parsed.success) return parsed.data;
  throw zodToBadRequest(parsed.error, `[${index}].newDocumentState`, `[${index}].newDocumentState.`);
}

function checkRules(context: PlanContext, before: AnyDoc | undefined, after: AnyDoc, index: number): void {
  const { principal, collection } = context;
  const refusal = explainWriteRefusal(principal, collection, before, after);
  if (refusal) throw forbidden(`row ${index}: ${refusal.message}`, refusal.field && `[${index}].newDocumentState.${refusal.field}`);
  const statusRefusal = explainStatusRefusal(collection, before, after, principal.role);
  if (statusRefusal) {
    const field = `[${index}].newDocumentState.${statusRefusal.field}`;
    const message = `row ${index}: ${statusRefusal.message}`;
    throw statusRefusal.kind === 'illegal_transition' ? new AppError(422, 'illegal_transition', message, field) : badRequest(message, field);
  }
  const missing = after._deleted ? undefined : context.references.missingField(collection, after);
  if (missing) throw missingReference(index, missing);
  checkAssetAtSite(collection, after, before, context.references, index, context.logger);
  if (context.ticketReference && after.type === 'ticket') checkCategory(after, before?.type === 'ticket' ? before : undefined, context.ticketReference, index);
}

/**
 * An engineer's pending work on a job the desk gave to someone else while they were offline
 * (checklist, notes, parts, time, photos, signature, status): it happened on site, so it is taken
 * — as the engineer's role allows, after the usual merge against the current job — instead of
 * being refused or undone. The device drops the job afterwards, like any job that left its scope.
 */
function handsInWork(context: PlanContext, row: RawRow, master: AnyDoc): boolean {
  if (context.collection !== 'workOrders' || context.principal.role !== 'engineer') return false;
  // Its first push starts from a version that was the engineer's; its merged push from the job as it is now.
  const assumed = row.assumedMasterState;
  return assumed?.assigneeId === context.principal.id || master.updatedAt === assumed?.updatedAt;
}

/**
 * A ticket's creation sent again (its answer was lost, so RxDB resends it with no assumed state)
 * after it was assigned — by the assignment rules on arrival, or by the desk since: it differs from
 * the master only by that assignment, so it carries nothing new. Acknowledged; as a conflict, the
 * device would merge against no base and keep a record of fields its user never edited.
 */
function replaysCreationOfAssigned(collection: CollectionName, master: AnyDoc, row: RawRow): boolean {
  const incoming = row.newDocumentState;
  if (collection !== 'tickets' || master.type !== 'ticket' || row.assumedMasterState || incoming.status !== 'new' || incoming.assigneeId !== undefined) return false;
  return isSameClientContent(collection, { ...master, status: 'new', assigneeId: undefined }, incoming);
}

/** What a device that may no longer see a document is told: drop it. */
const removalOf = (master: AnyDoc): RowDecision => ({ kind: 'conflict', master: { ...master, _deleted: true } });

/**
 * Children (comments, attachments) take the readers of their owner, and only someone who can read
 * the owner may add one: the owner-scope check names the owner field, which a check of the child's
 * resulting readers alone could not. A new child of an owner the pusher could read until lately (a
 * photo of a job reassigned while they were offline) is handed in with the job's work.
 */
function ownerAccess(context: PlanContext, doc: AnyDoc, stored: RawStored | undefined, index: number): { acl: AccessMeta; handedIn?: boolean } | undefined {
  const owner = ownerOf(context.collection, doc);
  if (!owner) return undefined;
  const ownerStored = context.references.stored(owner.collection, owner.id);
  if (!ownerStored) {
    // Deleting a child whose owner is already gone: keep its readers so their devices get the removal.
    if (doc._deleted && stored) return { acl: stored.acl };
    throw missingReference(index, owner.field);
  }
  const ownerScope = readScopeFor(context.principal, owner.collection);
  if (isInScope(ownerScope, ownerStored.acl.readers)) return { acl: ownerStored.acl };
  // Only a job's former engineer, by their own key (a site's former managers are not its engineers).
  const formerEngineer = owner.collection === 'workOrders' && ownerStored.acl.formerReaders.includes(userKey(context.principal.id));
  if (!stored && !doc._deleted && formerEngineer) return { acl: ownerStored.acl, handedIn: true };
  throw forbidden(`row ${index}: ${owner.collection}/${owner.id} is not yours to see`, `[${index}].newDocumentState.${owner.field}`);
}

function missingReference(index: number, field: string): AppError {
  return badRequest(`row ${index}: ${field} names no existing document`, `[${index}].newDocumentState.${field}`);
}

function placeholderSla(now: string) {
  return { responseDueAt: now, resolutionDueAt: now, pausedMs: 0, state: 'ok' as const, escalationLevel: 0 };
}
