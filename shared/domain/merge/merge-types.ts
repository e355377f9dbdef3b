import type { CollectionName } from '../../schemas/collections';
import type { Role } from '../../schemas/common';
import type { Principal } from '../principal';

import type { CONFLICT_REASONS } from '../../schemas/conflict-record';

export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/**
 * One overlapping edit: the same field (or list item) changed differently on both sides. `path`
 * names it (see conflict-paths.ts); `mine`/`theirs`/`kept` are its values (undefined = absent or
 * deleted). Nothing in a merge is dropped without one of these.
 */
export type FieldConflict = {
  path: string;
  mine: unknown;
  theirs: unknown;
  kept: unknown;
  winner: 'mine' | 'theirs';
  reason: ConflictReason;
};

/**
 * Who is merging. `principal` pushes the result; `theirsRole` is the role of whoever wrote the
 * master's change, when the device knows it (from the audit trail). Unknown, the other side is
 * assumed to be the owner of any field the pusher does not own.
 */
export type MergeContext = { collection: CollectionName; principal: Principal; theirsRole?: Role };

/** Documents as merged: every replicated document plus RxDB's `_deleted` flag. */
export type MergeableDoc = { id: string; type: string; _deleted: boolean } & Record<string, unknown>;

export type MergeResult<D> = { doc: D; conflicts: FieldConflict[] };
