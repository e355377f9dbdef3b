import type { AuditBody, AuditResult, AuditScan } from '../schemas/audit';

/**
 * Audit mode as pure functions: a scan is classified against the site being audited, a code scanned
 * twice is a duplicate (reported, not recorded again), and the tally counts what is left to find.
 */
export type AuditAsset = { id: string; tag: string; siteId: string };
export type ScanOutcome = { result: AuditResult; duplicate: boolean; asset?: AuditAsset };
type AuditLike = Pick<AuditBody, 'siteId' | 'scans'>;

export function classifyScan(siteId: string, asset: AuditAsset | undefined): AuditResult {
  if (!asset) return 'unknown';
  return asset.siteId === siteId ? 'found' : 'wrong_site';
}

export function isDuplicateScan(audit: AuditLike, code: string): boolean {
  return audit.scans.some((scan) => scan.code === code);
}

/** The audit with this scan added, or unchanged when the code was already scanned. */
export function recordAuditScan<A extends AuditLike>(audit: A, code: string, asset: AuditAsset | undefined, now: Date): { audit: A; outcome: ScanOutcome } {
  const result = classifyScan(audit.siteId, asset);
  if (isDuplicateScan(audit, code)) return { audit, outcome: { result, duplicate: true, asset } };
  const scan: AuditScan = { code, result, at: now.toISOString(), ...(asset ? { assetId: asset.id } : {}) };
  return { audit: { ...audit, scans: [...audit.scans, scan] }, outcome: { result, duplicate: false, asset } };
}

export type AuditTally = { found: number; wrongSite: number; unknown: number; missing: number; expected: number };

/** Running counts; `missing` is the site's assets not found yet. */
export function tallyAudit(audit: AuditLike, siteAssetIds: readonly string[]): AuditTally {
  const found = new Set(audit.scans.filter((scan) => scan.result === 'found').map((scan) => scan.assetId));
  return {
    found: found.size,
    wrongSite: audit.scans.filter((scan) => scan.result === 'wrong_site').length,
    unknown: audit.scans.filter((scan) => scan.result === 'unknown').length,
    missing: siteAssetIds.filter((id) => !found.has(id)).length,
    expected: siteAssetIds.length,
  };
}

export function missingAssetIds(audit: AuditLike, siteAssetIds: readonly string[]): string[] {
  const found = new Set(audit.scans.filter((scan) => scan.result === 'found').map((scan) => scan.assetId));
  return siteAssetIds.filter((id) => !found.has(id));
}

export function finishAudit<A extends AuditLike & { finishedAt?: string; missingAssetIds: string[] }>(audit: A, siteAssetIds: readonly string[], now: Date): A {
  return { ...audit, finishedAt: now.toISOString(), missingAssetIds: missingAssetIds(audit, siteAssetIds) };
}

type Auditor = { id: string; role: string; siteIds: readonly string[] };

/** Desk roles and engineers audit any site; a site manager audits their own sites only. */
export function canAuditSite(principal: Auditor, siteId: string): boolean {
  return principal.role !== 'site_manager' || principal.siteIds.includes(siteId);
}

/** The author, the desk, and the site's manager may read an audit. */
export function canReadAudit(principal: Auditor, audit: { createdBy: string; siteId: string }): boolean {
  if (principal.role === 'admin' || principal.role === 'dispatcher') return true;
  if (audit.createdBy === principal.id) return true;
  return principal.role === 'site_manager' && principal.siteIds.includes(audit.siteId);
}
