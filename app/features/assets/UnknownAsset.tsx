import { useState } from 'react';
import { Link } from 'react-router';
import { useLiveQuery } from '../../db/hooks';
import { useSession } from '../../session/SessionContext';
import { searchAssets$ } from './asset-queries';

/**
 * A code that names no asset on this device: say so, offer a search, and let the desk register a
 * new asset with the scanned tag (a new label on new equipment is the usual reason).
 */
export function UnknownAsset({ code, reason }: { code: string; reason?: string }) {
  const { user } = useSession();
  const canRegister = !reason && (user.role === 'dispatcher' || user.role === 'admin');
  return (
    <div className="asset-page">
      <div className="card scan-problem" role="alert" data-testid="unknown-asset" data-code={code}>
        <h1>Unknown code</h1>
        <p>{reason ?? `No asset with the tag “${code}” is on this device.`}</p>
        {!reason && <p className="muted">If it was registered very recently, it arrives with the next sync. Otherwise search for the asset below.</p>}
        {canRegister && (
          <Link className="button primary" to={`/assets/new?tag=${encodeURIComponent(code)}`} data-testid="register-asset">
            Register a new asset with this tag
          </Link>
        )}
      </div>
      <AssetSearch />
      <p>
        <Link to="/scan" className="back-link">
          ← Scan again or type a tag
        </Link>
      </p>
    </div>
  );
}

export function AssetSearch() {
  const [text, setText] = useState('');
  const results = useLiveQuery((db) => searchAssets$(db, text), [text], []);
  return (
    <section className="card">
      <h2>Find an asset</h2>
      <label>
        Search by tag or name
        <input type="search" value={text} onChange={(event) => setText(event.target.value)} autoComplete="off" />
      </label>
      {text.trim() && (
        <ul className="plain-list" data-testid="asset-search-results">
          {results.length === 0 && <li className="muted">No asset matches “{text.trim()}”.</li>}
          {results.map((asset) => (
            <li key={asset.id}>
              <Link to={`/a/${encodeURIComponent(asset.tag)}`}>
                <strong>{asset.tag}</strong> · {asset.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
