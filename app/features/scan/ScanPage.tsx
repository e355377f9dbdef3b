import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signalHit, type ScanHit } from '../../platform/barcode-scanner';
import { useSession } from '../../session/SessionContext';
import { ManualEntry } from './ManualEntry';
import { parseScannedCode } from './scanned-code';
import { ScannerView } from './ScannerView';
import './scan.css';

/** The same unreadable label is seen many times a second; say so once, not in a flicker. */
const REPEAT_QUIET_MS = 3000;

/**
 * `/scan` — camera scanning with a typed tag as the always-available alternative. A code that
 * names a tag opens the asset page (`?then=report` opens its fault report instead); anything else
 * is explained and scanning goes on.
 */
export function ScanPage() {
  const navigate = useNavigate();
  const { user } = useSession();
  const [params] = useSearchParams();
  const reporting = params.get('then') === 'report';
  const [message, setMessage] = useState<string>();
  const lastRefused = useRef<{ text: string; at: number }>(undefined);
  // The camera keeps decoding until the screen unmounts: open the asset once, not once per frame.
  const opened = useRef(false);
  // How many codes the camera has read here, on the page (`data-reads`): a scan that did not open
  // anything tells whether the camera read nothing or a read went nowhere.
  const reads = useRef<HTMLDivElement>(null);

  function open(text: string): string | undefined {
    const parsed = parseScannedCode(text);
    if (parsed.kind === 'invalid') return parsed.message;
    const path = `/a/${encodeURIComponent(parsed.tag)}`;
    opened.current = true;
    void navigate(reporting ? `${path}/report` : path);
    return undefined;
  }

  function onHit(hit: ScanHit) {
    if (reads.current) reads.current.dataset.reads = String(Number(reads.current.dataset.reads ?? 0) + 1);
    if (opened.current) return;
    const previous = lastRefused.current;
    if (previous && previous.text === hit.text && Date.now() - previous.at < REPEAT_QUIET_MS) return;
    const problem = open(hit.text);
    if (problem) {
      lastRefused.current = { text: hit.text, at: Date.now() };
      setMessage(problem);
    } else {
      signalHit();
    }
  }

  return (
    <div className="scan-page" ref={reads}>
      <h1>{reporting ? 'Report a fault: scan the asset' : 'Scan an asset'}</h1>
      <ScannerView onHit={onHit} />
      {message && (
        <p className="field-error" role="alert" data-testid="scan-message">
          {message}
        </p>
      )}
      <h2 className="scan-page__or">Or type the tag</h2>
      <ManualEntry onCode={open} />
      {user.role !== 'dispatcher' && (
        <p>
          <Link to="/scan/audit">Audit a site: scan many assets in a row</Link>
        </p>
      )}
    </div>
  );
}
