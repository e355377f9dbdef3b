import { writePath } from '@shared/domain/merge/conflict-paths';
import { explainWriteRefusal } from '@shared/domain/permissions';
import type { Principal } from '@shared/domain/principal';
import { explainStatusRefusal } from '@shared/domain/status-rules';
import type { AnyDoc } from '@shared/schemas/collections';
import type { ConflictRecord } from '@shared/schemas/conflict-record';
import { decodeValue } from '../../db/conflicts';
import type { AppDatabase } from '../../db/database';
import { toDomain } from '../../db/hooks';
import { deleteDocument, saveDocument } from '../../db/writes';

/** Why "apply mine" cannot be done (shown next to the button); the record stays open. */
export class ApplyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApplyRefusedError';
  }
}

/**
 * "Apply mine instead": my recorded value goes back into the document as an ordinary edit, which
 * replicates like any other. It is checked against the same rules the server applies, so a
 * refused push can never block the device's other changes.
 */
export async function applyMine(db: AppDatabase, principal: Principal, record: ConflictRecord, now = new Date()): Promise<void> {
  const collection = record.collectionName;
  const stored = await db.collections[collection].findOne(record.docId).exec();
  if (!stored) throw new ApplyRefusedError('This document is no longer on this device (it was deleted or reassigned), so your value cannot be put back.');
  const current = toDomain<AnyDoc>(stored.toJSON());
  if (record.path === '_deleted') {
    const refused = explainWriteRefusal(principal, collection, current, { ...current, _deleted: true });
    if (refused) throw new ApplyRefusedError(`Your deletion cannot be applied: ${refused.message}.`);
    await deleteDocument(db, collection, record.docId, now);
    await setState(db, record.id, 'applied');
    return;
  }
  const next = writePath(collection, current, record.path, decodeValue(record.mine));
  const refusal = explainWriteRefusal(principal, collection, current, next)?.message ?? explainStatusRefusal(collection, current, next, principal.role)?.message;
  if (refusal) throw new ApplyRefusedError(`Your value cannot be applied now: ${refusal}.`);
  await saveDocument(db, collection, next as never, now);
  await setState(db, record.id, 'applied');
}

export async function dismissConflict(db: AppDatabase, record: ConflictRecord): Promise<void> {
  await setState(db, record.id, 'dismissed');
}

async function setState(db: AppDatabase, id: string, state: ConflictRecord['state']): Promise<void> {
  const doc = await db.conflicts.findOne(id).exec();
  await doc?.incrementalPatch({ state });
}
