import { useEffect, useState } from 'react';
import { map } from 'rxjs';
import { ulid } from 'ulid';
import type { Site } from '@shared/schemas/site';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useSession, useSessionApi } from '../../session/SessionContext';
import { OfflineError } from '../../sync/errors';
import { ActiveAudit } from './ActiveAudit';
import { currentAuditId$, saveLocalAudit, sendUnsentAudits, unsentCount$ } from './audit-store';
import './scan.css';

/**
 * `/scan/audit` — walk a site scanning every label: each scan is marked found, wrong site or
 * unknown, with a running tally and a warning on a repeat. Saved on the device as it goes; sent
 * to the server when finished and online.
 */
export function AuditPage() {
  const { db, user } = useSession();
  const { api } = useSessionApi();
  const currentId = useLiveQuery((database) => currentAuditId$(database), [], undefined as string | null | undefined);
  const unsent = useLiveQuery((database) => unsentCount$(database), [], 0);
  const [sendState, setSendState] = useState<string>();

  async function send() {
    try {
      const sent = await sendUnsentAudits(db, api);
      // Nothing sent (another send got there first) leaves the last message as it was.
      if (sent > 0) setSendState(`${sent} audit${sent === 1 ? '' : 's'} sent to the server.`);
    } catch (error) {
      setSendState(error instanceof OfflineError ? 'Offline: audits are kept on this device and sent when you are back online.' : `Not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  useEffect(() => {
    const onOnline = () => void send();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, api]);

  if (currentId === undefined) return <p className="page-message" role="status">Opening audits…</p>;
  return (
    <div className="scan-page audit-page">
      {currentId ? <ActiveAudit id={currentId} onFinished={() => void send()} /> : <StartAudit role={user.role} siteIds={user.siteIds} />}
      {unsent > 0 && !currentId && (
        <p className="button-row">
          <span>
            {unsent} finished audit{unsent === 1 ? '' : 's'} not sent yet.
          </span>
          <button type="button" onClick={() => void send()}>
            Send now
          </button>
        </p>
      )}
      {sendState && (
        <p role="status" data-testid="audit-send-state">
          {sendState}
        </p>
      )}
    </div>
  );
}

function StartAudit({ role, siteIds }: { role: string; siteIds: readonly string[] }) {
  const { db } = useSession();
  const sites = useLiveQuery((database) => database.sites.find().$.pipe(map((docs) => docs.map((doc) => toDomain<Site>(doc.toJSON())))), [], []);
  const choices = role === 'site_manager' ? sites.filter((site) => siteIds.includes(site.id)) : sites;
  const [siteId, setSiteId] = useState('');
  const chosen = siteId || choices[0]?.id || '';

  async function start() {
    await saveLocalAudit(db, { id: ulid(), siteId: chosen, startedAt: new Date().toISOString(), scans: [], missingAssetIds: [] });
  }

  return (
    <section>
      <h1>Audit a site</h1>
      <p className="muted">Scan every asset label at the site. Each scan is checked against the site's asset list on this device, offline too.</p>
      <label>
        Site
        <select value={chosen} onChange={(event) => setSiteId(event.target.value)}>
          {choices.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
      </label>
      <p>
        <button type="button" className="primary" disabled={!chosen} onClick={() => void start()}>
          Start audit
        </button>
      </p>
    </section>
  );
}
