import { describe, expect, it } from 'vitest';
import { canAuditSite, canReadAudit, finishAudit, recordAuditScan, tallyAudit, type AuditAsset } from '@shared/domain/audit';
import { AuditBodySchema, type AuditBody } from '@shared/schemas/audit';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const here = (n: number): AuditAsset => ({ id: `asset-lon-${n}`, tag: `AST-LON-000${n}`, siteId: 'site-lon' });
const elsewhere: AuditAsset = { id: 'asset-nyc-1', tag: 'AST-NYC-0001', siteId: 'site-nyc' };
const SITE_ASSETS = [1, 2, 3].map((n) => here(n).id);

function emptyAudit(): AuditBody {
  return { siteId: 'site-lon', startedAt: NOW.toISOString(), scans: [], missingAssetIds: [] };
}

describe('audit mode', () => {
  it('classifies scans as found, wrong site or unknown and keeps a running tally', () => {
    let audit = emptyAudit();
    const outcomes = [];
    for (const [code, asset] of [['AST-LON-0001', here(1)], ['AST-NYC-0001', elsewhere], ['NOPE', undefined]] as const) {
      const step = recordAuditScan(audit, code, asset, NOW);
      audit = step.audit;
      outcomes.push(step.outcome.result);
    }
    expect(outcomes).toEqual(['found', 'wrong_site', 'unknown']);
    expect(tallyAudit(audit, SITE_ASSETS)).toEqual({ found: 1, wrongSite: 1, unknown: 1, missing: 2, expected: 3 });
    expect(AuditBodySchema.parse(audit)).toEqual(audit);
  });

  it('warns about a duplicate scan and does not count it twice', () => {
    const first = recordAuditScan(emptyAudit(), 'AST-LON-0001', here(1), NOW);
    const again = recordAuditScan(first.audit, 'AST-LON-0001', here(1), NOW);
    expect(again.outcome).toMatchObject({ duplicate: true, result: 'found' });
    expect(again.audit).toBe(first.audit);
    expect(tallyAudit(again.audit, SITE_ASSETS).found).toBe(1);
  });

  it('records the missing assets when finished', () => {
    const { audit } = recordAuditScan(emptyAudit(), 'AST-LON-0002', here(2), NOW);
    const finished = finishAudit(audit, SITE_ASSETS, NOW);
    expect(finished.missingAssetIds).toEqual(['asset-lon-1', 'asset-lon-3']);
    expect(finished.finishedAt).toBe(NOW.toISOString());
  });

  it('lets site managers audit and read only their own sites', () => {
    const manager = { id: 'user-site1', role: 'site_manager', siteIds: ['site-lon'] };
    expect(canAuditSite(manager, 'site-lon')).toBe(true);
    expect(canAuditSite(manager, 'site-nyc')).toBe(false);
    expect(canAuditSite({ id: 'e', role: 'engineer', siteIds: [] }, 'site-nyc')).toBe(true);
    expect(canReadAudit(manager, { createdBy: 'user-eng1', siteId: 'site-lon' })).toBe(true);
    expect(canReadAudit({ id: 'user-eng2', role: 'engineer', siteIds: [] }, { createdBy: 'user-eng1', siteId: 'site-lon' })).toBe(false);
  });
});
