import 'fake-indexeddb/auto';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { closeCurrentAudit, currentAuditId$, readLocalAudit, saveLocalAudit, unsentCount$ } from '@app/features/scan/audit-store';
import type { LocalAudit } from '@shared/schemas/audit';

let db: AppDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const audit: LocalAudit = { id: 'audit-1', siteId: 'site-lon', startedAt: '2026-03-02T09:00:00.000Z', scans: [], missingAssetIds: [] };

describe('audits on the device (RxDB local documents)', () => {
  it('keep the audit in progress and the unsent ones without adding a collection', async () => {
    db = await openDatabase('test-audit-store', { indexedDB: { indexedDB, IDBKeyRange }, validate: true });
    const collectionsBefore = Object.keys(db.collections).length;
    await saveLocalAudit(db, audit);
    await saveLocalAudit(db, { ...audit, scans: [{ code: 'AST-LON-0001', assetId: 'asset-lon-0001', result: 'found', at: '2026-03-02T09:01:00.000Z' }] });
    expect(await firstValueFrom(currentAuditId$(db))).toBe('audit-1');
    expect((await readLocalAudit(db, 'audit-1'))?.scans).toHaveLength(1);
    expect(await firstValueFrom(unsentCount$(db))).toBe(1);
    await closeCurrentAudit(db);
    expect(await firstValueFrom(currentAuditId$(db))).toBeNull();
    expect(await firstValueFrom(unsentCount$(db))).toBe(1);
    expect(Object.keys(db.collections)).toHaveLength(collectionsBefore);
  });

  it('ignore a damaged stored audit instead of trusting it', async () => {
    db = await openDatabase('test-audit-damaged', { indexedDB: { indexedDB, IDBKeyRange }, validate: true });
    await db.upsertLocal('scan-audit-bad', { id: 'bad', siteId: 42 });
    expect(await readLocalAudit(db, 'bad')).toBeUndefined();
  });
});
