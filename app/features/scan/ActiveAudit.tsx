import { useRef, useState } from 'react';
import { map } from 'rxjs';
import { finishAudit, recordAuditScan, tallyAudit, type ScanOutcome } from '@shared/domain/audit';
import type { Asset } from '@shared/schemas/asset';
import type { LocalAudit } from '@shared/schemas/audit';
import { formatTime } from '../../components/format';
import { toDomain, useDocument, useLiveQuery } from '../../db/hooks';
import { signalHit, type ScanHit } from '../../platform/barcode-scanner';
import { useSession } from '../../session/SessionContext';
import { closeCurrentAudit, localAudit$, readLocalAudit, saveLocalAudit } from './audit-store';
import { ManualEntry } from './ManualEntry';
import { parseScannedCode } from './scanned-code';
import { ScannerView } from './ScannerView';

const REPEAT_QUIET_MS = 3000;
const RESULT_WORDS = { found: 'Found', wrong_site: 'Wrong site', unknown: 'Unknown code' } as const;

type Shown = { code: string; outcome: ScanOutcome; siteName?: string };

export function ActiveAudit({ id, onFinished }: { id: string; onFinished: () => void }) {
  const { db } = useSession();
  const audit = useLiveQuery((database) => localAudit$(database, id), [id], undefined as LocalAudit | undefined);
  const site = useDocument('sites', audit?.siteId);
  const siteAssets = useLiveQuery(
    (database) => database.assets.find({ selector: { siteId: audit?.siteId ?? '' } }).$.pipe(map((docs) => docs.map((doc) => toDomain<Asset>(doc.toJSON())))),
    [audit?.siteId],
    [],
  );
  const [shown, setShown] = useState<Shown>();
  const [failure, setFailure] = useState<string>();
  // Scans are handled one at a time, each on the audit as the previous one left it.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const last = useRef<{ text: string; at: number }>(undefined);

  if (!audit) return <p className="page-message" role="status">Opening the audit…</p>;
  const siteAssetIds = siteAssets.map((asset) => asset.id);
  const tally = tallyAudit(audit, siteAssetIds);

  async function record(text: string) {
    const current = (await readLocalAudit(db, id)) ?? audit;
    if (!current) return;
    const parsed = parseScannedCode(text);
    const code = parsed.kind === 'tag' ? parsed.tag : text.trim().slice(0, 200);
    const asset = parsed.kind === 'tag' ? (await db.assets.findOne({ selector: { tag: parsed.tag } }).exec())?.toJSON() : undefined;
    const step = recordAuditScan(current, code, asset, new Date());
    if (!step.outcome.duplicate) await saveLocalAudit(db, step.audit);
    const otherSite = asset && asset.siteId !== current.siteId ? (await db.sites.findOne(asset.siteId).exec())?.name : undefined;
    setShown({ code, outcome: step.outcome, siteName: otherSite });
    if (!step.outcome.duplicate && step.outcome.result === 'found') signalHit();
  }

  function enqueue(text: string) {
    queue.current = queue.current
      .then(() => record(text))
      .then(() => setFailure(undefined))
      .catch((error: unknown) => setFailure(`The scan of ${text.trim()} was not recorded: ${error instanceof Error ? error.message : String(error)}`));
  }

  function onHit(hit: ScanHit) {
    const previous = last.current;
    if (previous && previous.text === hit.text && Date.now() - previous.at < REPEAT_QUIET_MS) return;
    last.current = { text: hit.text, at: Date.now() };
    enqueue(hit.text);
  }

  async function finish() {
    if (!audit) return;
    await saveLocalAudit(db, finishAudit(audit, siteAssetIds, new Date()));
    await closeCurrentAudit(db);
    onFinished();
  }

  return (
    <section data-testid="active-audit" data-audit-id={audit.id}>
      <h1>Audit: {site?.name ?? audit.siteId}</h1>
      <ul className="audit-tally" aria-label="Tally" data-testid="audit-tally" data-found={tally.found} data-missing={tally.missing}>
        <li>
          <strong>{tally.found}</strong> of {tally.expected} found
        </li>
        <li>
          <strong>{tally.missing}</strong> missing
        </li>
        <li>
          <strong>{tally.wrongSite}</strong> wrong site
        </li>
        <li>
          <strong>{tally.unknown}</strong> unknown
        </li>
      </ul>
      {shown && <OutcomeMessage shown={shown} />}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <ScannerView onHit={onHit} />
      <h2 className="scan-page__or">Or type the tag</h2>
      <ManualEntry onCode={(code) => (code.trim() ? (enqueue(code), undefined) : 'Type a tag first.')} submitLabel="Record scan" />
      <p>
        <button type="button" className="primary" onClick={() => void finish()}>
          Finish audit
        </button>
      </p>
      <h2>Scanned ({audit.scans.length})</h2>
      <ol className="plain-list" reversed>
        {[...audit.scans].reverse().map((scan) => (
          <li key={scan.code}>
            <strong>{scan.code}</strong> · {RESULT_WORDS[scan.result]} <span className="muted">{formatTime(scan.at)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function OutcomeMessage({ shown }: { shown: Shown }) {
  const { outcome, code } = shown;
  const kind = outcome.duplicate ? 'duplicate' : outcome.result;
  const text = outcome.duplicate
    ? `${code} was already scanned in this audit.`
    : outcome.result === 'found'
      ? `Found: ${code}.`
      : outcome.result === 'wrong_site'
        ? `${code} belongs to ${shown.siteName ?? 'another site'}, not this one.`
        : `${code} matches no asset on this device.`;
  return (
    <p className={`audit-outcome audit-outcome--${kind}`} role="status" data-testid="audit-outcome" data-outcome={kind}>
      {text}
    </p>
  );
}
