import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConflict } from '@shared/domain/merge/fit-to-role';
import { mergeDocuments } from '@shared/domain/merge/merge-documents';
import type { MergeContext } from '@shared/domain/merge/merge-types';
import { precedingStatus } from '@shared/domain/merge/status-precedence';
import { explainWriteRefusal } from '@shared/domain/permissions';
import type { Principal } from '@shared/domain/principal';
import { reachableStatuses, WORK_ORDER_MACHINE } from '@shared/domain/state-machine';
import { explainStatusRefusal } from '@shared/domain/status-rules';
import { WorkOrderSchema, type WorkOrder } from '@shared/schemas/work-order';
import { ADMIN, baseWorkOrderArb, DISPATCHER, editsArb, ENGINEER } from '../../helpers/merge-arbitraries';

/**
 * Properties of the three-way merge (shared/domain/merge) over generated work orders and edits a
 * role could really make offline. Runs: fast-check's default 100 per property unless stated.
 */
const principalArb = fc.constantFrom(ENGINEER, DISPATCHER, ADMIN);
const context = (principal: Principal, theirs?: Principal): MergeContext => ({ collection: 'workOrders', principal, theirsRole: theirs?.role });

/** A base, and two versions edited from it independently by two people. */
const scenarioArb = fc
  .tuple(baseWorkOrderArb, principalArb, principalArb)
  .chain(([base, px, py]) => fc.tuple(fc.constant(base), fc.constant(px), fc.constant(py), editsArb(base, px, 'x'), editsArb(base, py, 'y')));

const merge = (base: WorkOrder, mine: WorkOrder, theirs: WorkOrder, principal: Principal, theirsBy?: Principal) =>
  mergeDocuments(base, mine, theirs, context(principal, theirsBy));

describe('merge properties', () => {
  it('merge(b, x, x) = x, without conflicts', () => {
    fc.assert(
      fc.property(scenarioArb, ([base, px, , x]) => {
        const result = merge(base, x, x, px);
        expect(result.doc).toEqual(x);
        expect(result.conflicts).toEqual([]);
      }),
    );
  });

  it('merge(b, b, t) = t: their change alone goes through silently', () => {
    fc.assert(
      fc.property(scenarioArb, ([base, px, py, , t]) => {
        const result = merge(base, base, t, px, py);
        expect(result.doc).toEqual(t);
        expect(result.conflicts).toEqual([]);
      }),
    );
  });

  it('merge(b, m, b) = m: my change alone goes through silently', () => {
    fc.assert(
      fc.property(scenarioArb, ([base, px, , m]) => {
        const result = merge(base, m, base, px);
        expect(result.doc).toEqual(m);
        expect(result.conflicts).toEqual([]);
      }),
    );
  });

  it('list unions never drop an item (notes, parts, time logs, photos; checklist items nobody removed)', () => {
    fc.assert(
      fc.property(scenarioArb, ([base, px, py, m, t]) => {
        const { doc } = resolveConflict(base, m, t, context(px, py));
        for (const field of ['notes', 'parts', 'timeLogs'] as const) {
          const ids = new Set(doc[field].map((item) => item.id));
          for (const item of [...base[field], ...m[field], ...t[field]]) expect(ids.has(item.id)).toBe(true);
        }
        const checklist = new Set(doc.checklist.map((item) => item.id));
        for (const item of [...m.checklist, ...t.checklist]) expect(checklist.has(item.id)).toBe(true);
      }),
    );
  });

  it('the pushed result always passes the schema, the state machine and the pusher’s write rules', () => {
    fc.assert(
      fc.property(scenarioArb, ([base, px, py, m, t]) => {
        const { doc } = resolveConflict(base, m, t, context(px, py));
        expect(WorkOrderSchema.safeParse(doc).success).toBe(true);
        expect(explainWriteRefusal(px, 'workOrders', t, doc)).toBeNull();
        expect(explainStatusRefusal('workOrders', t, doc, px.role)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('is symmetric: swapping mine and theirs (with their roles) gives the same document', () => {
    fc.assert(
      fc.property(scenarioArb, ([base, px, py, x, y]) => {
        expect(merge(base, x, y, px, py).doc).toEqual(merge(base, y, x, py, px).doc);
      }),
      { numRuns: 300 },
    );
  });

  it('reconnect order does not change the result (whoever reaches the server first)', () => {
    fc.assert(
      fc.property(scenarioArb, ([base, px, py, x, y]) => {
        fc.pre(statusesCanMeet(base, x, px, y, py));
        // x reconnects first and becomes the master; y merges over it — and the other way round.
        const xFirst = resolveConflict(base, y, x, context(py, px)).doc;
        const yFirst = resolveConflict(base, x, y, context(px, py)).doc;
        expect(xFirst).toEqual(yFirst);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Two terminal states (completed and cancelled) cannot be left, so when both sides finished the
 * job differently, the first to reconnect wins by necessity; every other pair of statuses meets.
 */
function statusesCanMeet(base: WorkOrder, x: WorkOrder, px: Principal, y: WorkOrder, py: Principal): boolean {
  if (x.status === base.status || y.status === base.status || x.status === y.status) return true;
  const xWins = precedingStatus('workOrder', x.status, y.status) === x.status;
  const [winner, loser, winnerRole] = xWins ? [x.status, y.status, px.role] : [y.status, x.status, py.role];
  return reachableStatuses(WORK_ORDER_MACHINE, loser, winnerRole).has(winner);
}
