import { map, type Observable } from 'rxjs';
import { AuditRecordSchema, LocalAuditSchema, type LocalAudit } from '@shared/schemas/audit';
import type { AppDatabase } from '../../db/database';
import type { ApiClient } from '../../sync/api-client';

/**
 * Audits on the device live in RxDB local documents (the collection budget is spent; audits are
 * not replicated documents). Each audit is one local document; a second one remembers which audit
 * is in progress and which are still to be sent. Every read goes through the shared schema.
 */
const CURRENT_KEY = 'scan-audit-current';
const auditKey = (id: string) => `scan-audit-${id}`;

type Pointer = { id: string | null; unsent: string[] };

function parseAudit(data: unknown): LocalAudit | undefined {
  const parsed = LocalAuditSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

async function readPointer(db: AppDatabase): Promise<Pointer> {
  const doc = await db.getLocal<Pointer>(CURRENT_KEY);
  const data = doc?.toJSON().data;
  return { id: typeof data?.id === 'string' ? data.id : null, unsent: Array.isArray(data?.unsent) ? data.unsent.filter((id) => typeof id === 'string') : [] };
}

export function currentAuditId$(db: AppDatabase): Observable<string | null> {
  return db.getLocal$<Pointer>(CURRENT_KEY).pipe(map((doc) => doc?.toJSON().data.id ?? null));
}

export function localAudit$(db: AppDatabase, id: string): Observable<LocalAudit | undefined> {
  return db.getLocal$<LocalAudit>(auditKey(id)).pipe(map((doc) => (doc ? parseAudit(doc.toJSON().data) : undefined)));
}

/** Saves a new version of the audit; it is unsent until the server has this version. */
export async function saveLocalAudit(db: AppDatabase, audit: LocalAudit, options: { current?: boolean } = {}): Promise<LocalAudit> {
  const clean = LocalAuditSchema.parse({ ...audit, uploadedAt: undefined });
  await db.upsertLocal(auditKey(clean.id), clean);
  const pointer = await readPointer(db);
  const unsent = pointer.unsent.includes(clean.id) ? pointer.unsent : [...pointer.unsent, clean.id];
  await db.upsertLocal<Pointer>(CURRENT_KEY, { id: options.current === false ? pointer.id : clean.id, unsent });
  return clean;
}

export async function closeCurrentAudit(db: AppDatabase): Promise<void> {
  const pointer = await readPointer(db);
  await db.upsertLocal<Pointer>(CURRENT_KEY, { ...pointer, id: null });
}

/**
 * Sends every unsent audit with `PUT /api/audits/:id` (idempotent, so a retry after a lost reply is
 * harmless). Offline, the request fails with OfflineError and the audits wait for the next try.
 */
export async function sendUnsentAudits(db: AppDatabase, api: ApiClient): Promise<number> {
  const pointer = await readPointer(db);
  let sent = 0;
  for (const id of pointer.unsent) {
    const doc = await db.getLocal<LocalAudit>(auditKey(id));
    const audit = doc ? parseAudit(doc.toJSON().data) : undefined;
    if (audit) {
      const { id: auditId, uploadedAt, ...body } = audit;
      void uploadedAt;
      const record = AuditRecordSchema.parse(await api.request(`/api/audits/${encodeURIComponent(auditId)}`, { method: 'PUT', body: JSON.stringify(body) }));
      // Only mark it sent if it did not change while the request was out.
      const latest = await db.getLocal<LocalAudit>(auditKey(id));
      if (JSON.stringify(latest?.toJSON().data.scans) === JSON.stringify(audit.scans) && latest?.toJSON().data.finishedAt === audit.finishedAt) {
        await db.upsertLocal(auditKey(id), { ...audit, uploadedAt: record.updatedAt });
        const now = await readPointer(db);
        await db.upsertLocal<Pointer>(CURRENT_KEY, { ...now, unsent: now.unsent.filter((candidate) => candidate !== id) });
        sent++;
      }
    } else {
      const now = await readPointer(db);
      await db.upsertLocal<Pointer>(CURRENT_KEY, { ...now, unsent: now.unsent.filter((candidate) => candidate !== id) });
    }
  }
  return sent;
}

export function unsentCount$(db: AppDatabase): Observable<number> {
  return db.getLocal$<Pointer>(CURRENT_KEY).pipe(map((doc) => doc?.toJSON().data.unsent.length ?? 0));
}

export async function readLocalAudit(db: AppDatabase, id: string): Promise<LocalAudit | undefined> {
  const doc = await db.getLocal<LocalAudit>(auditKey(id));
  return doc ? parseAudit(doc.toJSON().data) : undefined;
}
