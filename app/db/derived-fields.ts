import { defaultConflictHandler, type RxConflictHandler, type RxPlugin } from 'rxdb';
import { WORK_ORDER_MACHINE, WORK_ORDER_UNDER_WAY } from '@shared/domain/state-machine';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';

/** `scheduleKey` prefixes: jobs under way, waiting and finished sort apart, each group in time order. */
export const SCHEDULE_KEY = { live: 'live:', open: 'open:', done: 'done:' } as const;
export type ScheduleState = keyof typeof SCHEDULE_KEY;

export function scheduleStateOf(status: unknown): ScheduleState {
  if (WORK_ORDER_MACHINE.terminal.includes(status as never)) return 'done';
  return WORK_ORDER_UNDER_WAY.includes(status as never) ? 'live' : 'open';
}

/**
 * When a work order belongs in a list of days: a completed job on the day it was done (one finished
 * ahead of its date, or late, is that day's work), any other at its scheduled start.
 */
export function listedAtOf(wo: { status?: unknown; completedAt?: unknown; scheduledStart?: unknown }): unknown {
  return wo.status === 'completed' && wo.completedAt ? wo.completedAt : wo.scheduledStart;
}

/** A work order's `scheduleKey`: under way, waiting or finished, then its listed time in UTC. */
export function scheduleKeyOf(state: ScheduleState, startUtc: string): string {
  return `${SCHEDULE_KEY[state]}${startUtc}`;
}

/**
 * Fields the device derives for its own indexes and never sends. `scheduleKey` is a work order's
 * under-way, waiting or finished state and its listed time (`listedAtOf`: the scheduled start, or
 * a completed job's completion) as a UTC stamp (`open:2026-03-02T09:30:00.000Z`).
 * Stamps may carry any UTC offset, so their string order is not their order in time; on the UTC
 * form "today" is an exact range and "the next ten" the next ten in time, and the prefix makes
 * "open before today" and "open after today" exact ranges too. One index serves the whole Today
 * list (app/features/today/today-query.ts): each index costs every stored document a write.
 */
export const DERIVED_FIELDS: Partial<Record<CollectionName, Record<string, { derive: (doc: Record<string, unknown>) => string }>>> = {
  workOrders: { scheduleKey: { derive: (doc) => scheduleKeyOf(scheduleStateOf(doc.status), toUtcStamp(listedAtOf(doc))) } },
};
const DERIVED_NAMES = new Set(Object.values(DERIVED_FIELDS).flatMap((fields) => Object.keys(fields ?? {})));

/** The JSON-schema properties RxDB needs for a collection's derived fields (indexed, so bounded). */
export function derivedProperties(collection: CollectionName): Record<string, { type: 'string'; maxLength: number }> {
  return Object.fromEntries(Object.keys(DERIVED_FIELDS[collection] ?? {}).map((name) => [name, { type: 'string', maxLength: 40 }]));
}

/** The document with its derived fields set, in place (callers pass a copy they own). */
export function setDerivedFields<D extends object>(collection: string, doc: D): D {
  const fields = DERIVED_FIELDS[collection as CollectionName];
  if (!fields) return doc;
  for (const [name, field] of Object.entries(fields)) (doc as Record<string, unknown>)[name] = field.derive(doc as Record<string, unknown>);
  return doc;
}

/** The document as the domain and the server know it: a copy without derived fields (the same object if it has none). */
export function withoutDerivedFields<D>(doc: D): D {
  if (!doc || typeof doc !== 'object' || !Object.keys(doc).some((key) => DERIVED_NAMES.has(key))) return doc;
  const copy = { ...doc } as Record<string, unknown>;
  for (const name of DERIVED_NAMES) delete copy[name];
  return copy as D;
}

/**
 * RxDB compares the device's and the server's versions of a document to decide whether to push
 * or store it; the server's never has derived fields, so they are left out of the comparison.
 */
export const isEqualIgnoringDerived: RxConflictHandler<AnyDoc>['isEqual'] = (a, b, context) =>
  (defaultConflictHandler.isEqual as RxConflictHandler<AnyDoc>['isEqual'])(withoutDerivedFields(a), withoutDerivedFields(b), context);

/**
 * Sets derived fields on every write RxDB makes through a collection (local edits, replication,
 * conflict results; the schema migration writes below it and sets them in its strategy): its
 * `preStorageWrite` hook sees the rows RxDB itself copied, and the documents it
 * then keeps in memory are those rows, so memory and storage agree.
 */
export const RxDBDerivedFieldsPlugin: RxPlugin = {
  name: 'field-service-derived-fields',
  rxdb: true,
  hooks: {
    preStorageWrite: {
      after: ({ storageInstance, rows }: { storageInstance: { collectionName: string }; rows: { document: object }[] }) => {
        if (!DERIVED_FIELDS[storageInstance.collectionName as CollectionName]) return;
        for (const row of rows) setDerivedFields(storageInstance.collectionName, row.document);
      },
    },
  },
};

/**
 * A stamp's instant in UTC (`toISOString`). A write never fails here: an unparsable stamp stays as
 * it is, and a missing one (a tombstone the server sent without fields) is ''.
 */
function toUtcStamp(stamp: unknown): string {
  if (typeof stamp !== 'string') return '';
  const ms = Date.parse(stamp);
  return Number.isNaN(ms) ? stamp : new Date(ms).toISOString();
}
