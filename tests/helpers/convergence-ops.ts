import { isDeepEqual } from '@shared/domain/doc-rules';
import type { Role } from '@shared/schemas/common';
import type { WorkOrder } from '@shared/schemas/work-order';
import { deleteDocument, saveDocument } from '@app/db/writes';
import type { ConvergenceClient } from './convergence-client';
import { applyEdit, type Edit } from './merge-arbitraries';
import type { LedgerEntry } from './write-ledger';

/** The random operations of one convergence-test device, decided by a seeded PRNG. */
const EDITS: Record<Role, readonly string[]> = {
  admin: ['status', 'note', 'assign', 'schedule', 'label', 'addItem', 'kind', 'tick'],
  dispatcher: ['status', 'note', 'assign', 'schedule', 'label', 'addItem', 'kind'],
  engineer: ['status', 'tick', 'note', 'part', 'time', 'checkIn', 'resolution'],
  site_manager: [],
};

/** mulberry32: a tiny seeded PRNG so a seed replays the same choices. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh pool work order built on a real one (so its site and asset exist on the server). */
export function newWorkOrder(template: WorkOrder, id: string, assigneeId: string): WorkOrder {
  const { signature: _signature, checkIn: _checkIn, resolution: _resolution, completedAt: _completedAt, ...rest } = template;
  void [_signature, _checkIn, _resolution, _completedAt];
  return {
    ...rest,
    id,
    number: `WO-P-${id.replace(/[^a-zA-Z0-9]/g, '').toUpperCase().slice(-20).padStart(4, '0')}`,
    assigneeId,
    status: 'scheduled',
    checklist: [1, 2, 3].map((step) => ({ id: `${id}-chk-${step}`, label: `Step ${step}`, done: false })),
    parts: [],
    timeLogs: [],
    notes: [],
    photos: [],
  };
}

export type RunOptions = { seed: number; ops: number; index: number; template: WorkOrder };
export type RunCounts = { ops: number; writes: number; disconnects: number; ms: number };

/** `ops` random operations: creates (desk), deletes (admin), role-legal edits; random disconnects. */
export async function runOperations(client: ConvergenceClient, options: RunOptions): Promise<{ ledger: LedgerEntry[]; counts: RunCounts }> {
  const { seed, ops, index, template } = options;
  const random = prng(seed + index * 7919);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const role = client.principal.role;
  const ledger: LedgerEntry[] = [];
  const counts: RunCounts = { ops: 0, writes: 0, disconnects: 0, ms: 0 };
  const started = Date.now();
  let ids: string[] = [];
  for (let step = 0; step < ops; step++) {
    // Mostly offline: a device reconnects now and then, syncs for a few operations, and drops again.
    if (random() < (client.online ? 0.3 : 0.04)) {
      if (client.online) counts.disconnects++;
      await (client.online ? client.goOffline() : client.goOnline());
    }
    counts.ops++;
    const roll = random();
    if (role !== 'engineer' && roll < 0.08) {
      const doc = newWorkOrder(template, `cv-c${index}-${step}`, pick(['user-eng1', 'user-eng2']));
      await saveDocument(client.db, 'workOrders', doc);
      ledger.push({ client: client.name, docId: doc.id, kind: 'create', after: doc });
      counts.writes++;
      continue;
    }
    // The pool's ids are re-read every few operations (reading every document each time is slow).
    if (step % 8 === 0 || ids.length === 0) ids = await client.poolIds();
    const found = ids.length > 0 ? await client.poolWorkOrder(pick(ids)) : undefined;
    if (!found) continue;
    const before = found;
    if (role === 'admin' && roll < 0.12) {
      await deleteDocument(client.db, 'workOrders', before.id);
      ledger.push({ client: client.name, docId: before.id, kind: 'delete', before });
      counts.writes++;
      continue;
    }
    // A work order the server has not numbered yet is still a pending create, which must start as
    // scheduled: the dispatcher moves its status only once it exists on the server.
    const kinds = before.number.startsWith('WO-P-') ? EDITS[role].filter((kind) => kind !== 'status') : EDITS[role];
    const edit: Edit = { kind: pick(kinds), pick: Math.floor(random() * 20), text: pick(['alpha', 'bravo', 'charlie', 'delta']), stamp: Math.floor(random() * 3) };
    const after = applyEdit(before, edit, client.principal, `c${index}s${step}`);
    if (isDeepEqual(after, before)) continue;
    const saved = await saveDocument(client.db, 'workOrders', after);
    ledger.push({ client: client.name, docId: before.id, kind: 'update', before, after: saved });
    counts.writes++;
  }
  counts.ms = Date.now() - started;
  return { ledger, counts };
}
