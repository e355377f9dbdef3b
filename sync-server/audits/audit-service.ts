import { canAuditSite, canReadAudit } from '@shared/domain/audit';
import type { Principal } from '@shared/domain/principal';
import { AuditRecordSchema, type AuditBody, type AuditRecord } from '@shared/schemas/audit';
import type { AppDeps } from '../app-deps';
import { AppError, badRequest, forbidden, notFound } from '../errors';
import { RevisionConflictError } from '../store/store-errors';

/**
 * Asset audits, one private document each in the `audits` database. A device sends the whole audit
 * every time it changes (PUT is idempotent: a replay stores the same thing again). Who made it and
 * when are the server's to say; the author is the only one (with admins) who may change it later.
 */
export class AuditService {
  constructor(private readonly deps: AppDeps) {}

  async get(principal: Principal, id: string): Promise<AuditRecord> {
    const record = await this.load(id);
    if (!record) throw notFound(`There is no audit ${id}`);
    if (!canReadAudit(principal, record)) throw forbidden(`Audit ${id} is not yours to see`);
    return record;
  }

  /** Creates or replaces the audit; `created` tells the router which status to answer with. */
  async put(principal: Principal, id: string, body: AuditBody): Promise<{ record: AuditRecord; created: boolean }> {
    if (!canAuditSite(principal, body.siteId)) throw forbidden('siteId must be one of your sites', 'siteId');
    const site = await this.deps.store.get('sites', body.siteId);
    if (!site || site.fields._deleted === true) throw badRequest(`siteId: ${body.siteId} names no existing site`, 'siteId');
    const stored = await this.deps.store.getPrivate('audits', id);
    const existing = stored ? this.parse(stored) : undefined;
    if (existing && existing.createdBy !== principal.id && principal.role !== 'admin') {
      throw forbidden(`Audit ${id} was made by someone else and cannot be changed by you`);
    }
    const now = this.deps.clock.now().toISOString();
    const record: AuditRecord = { ...body, id, createdBy: existing?.createdBy ?? principal.id, createdAt: existing?.createdAt ?? now, updatedAt: now };
    const { id: _id, ...fields } = record;
    try {
      await this.deps.store.putPrivate('audits', { ...fields, _id, ...(stored?._rev ? { _rev: stored._rev } : {}) });
    } catch (error) {
      if (error instanceof RevisionConflictError) throw new AppError(409, 'conflict', `Audit ${id} changed while it was being saved; send it again`);
      throw error;
    }
    return { record, created: !existing };
  }

  private async load(id: string): Promise<AuditRecord | undefined> {
    const stored = await this.deps.store.getPrivate('audits', id);
    return stored ? this.parse(stored) : undefined;
  }

  /** Stored data is parsed before it is trusted, like every other document read back from the store. */
  private parse(stored: Record<string, unknown> & { _id: string }): AuditRecord {
    const { _id, _rev, ...fields } = stored;
    void _rev;
    const parsed = AuditRecordSchema.safeParse({ ...fields, id: _id });
    if (!parsed.success) throw new AppError(500, 'internal', `stored audit ${_id} is damaged`);
    return parsed.data;
  }
}
