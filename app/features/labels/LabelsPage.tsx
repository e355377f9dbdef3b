import { useMemo, useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { map } from 'rxjs';
import type { Asset } from '@shared/schemas/asset';
import type { Site } from '@shared/schemas/site';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useSession } from '../../session/SessionContext';
import { LabelSheet, LABELS_PER_PAGE } from './LabelSheet';
import './labels.css';
import { SiteOptions } from '../../components/ReferenceOptions';

/** Enough for a day's labelling; a site has a few hundred assets at most. */
const MAX_SHOWN = 500;

/** `/labels` — dispatchers and admins pick assets and print an A4 sheet of QR labels. */
export function LabelsPage() {
  const { user } = useSession();
  const [siteId, setSiteId] = useState('');
  const [text, setText] = useState('');
  // Assets just imported arrive selected (ImportAssetsPage's "Print their labels").
  const handedOver = (useLocation().state as { select?: unknown } | null)?.select;
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(Array.isArray(handedOver) ? handedOver.filter((id): id is string => typeof id === 'string') : []));
  const sites = useLiveQuery((db) => db.sites.find({ sort: [{ id: 'asc' }] }).$.pipe(map((docs) => docs.map((doc) => toDomain<Site>(doc.toJSON())))), [], []);
  const assets = useLiveQuery(
    (db) =>
      db.assets
        .find({ selector: siteId ? { siteId } : {}, sort: [{ tag: 'asc' }] })
        .$.pipe(map((docs) => docs.map((doc) => toDomain<Asset>(doc.toJSON())))),
    [siteId],
    [],
  );
  const needle = text.trim().toLowerCase();
  const shown = useMemo(
    () => assets.filter((asset) => !needle || asset.tag.toLowerCase().includes(needle) || asset.name.toLowerCase().includes(needle)).slice(0, MAX_SHOWN),
    [assets, needle],
  );
  const chosen = assets.filter((asset) => selected.has(asset.id));
  if (user.role !== 'dispatcher' && user.role !== 'admin') return <Navigate to="/" replace />;

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="labels-page">
      <div className="labels-controls">
        <h1>Print asset labels</h1>
        <p>
          New equipment? <Link to="/assets/import">Import assets from a CSV file</Link>
        </p>
        <div className="labels-filters">
          <label>
            Site
            <select value={siteId} onChange={(event) => setSiteId(event.target.value)}>
              <option value="">All sites</option>
              <SiteOptions sites={sites} />
            </select>
          </label>
          <label>
            Filter by tag or name
            <input type="search" value={text} onChange={(event) => setText(event.target.value)} autoComplete="off" />
          </label>
        </div>
        <p className="button-row">
          <button type="button" onClick={() => setSelected(new Set([...selected, ...shown.map((asset) => asset.id)]))}>
            Select all shown ({shown.length})
          </button>
          <button type="button" onClick={() => setSelected(new Set())} disabled={selected.size === 0}>
            Clear selection
          </button>
          <button type="button" className="primary" onClick={() => window.print()} disabled={chosen.length === 0}>
            Print {chosen.length} label{chosen.length === 1 ? '' : 's'}
          </button>
        </p>
        <p className="muted" role="status">
          {chosen.length} selected · {Math.ceil(chosen.length / LABELS_PER_PAGE)} A4 page{Math.ceil(chosen.length / LABELS_PER_PAGE) === 1 ? '' : 's'} (3 × 7 labels, 63.5 × 38.1 mm)
        </p>
        <ul className="labels-list" aria-label="Assets">
          {shown.map((asset) => (
            <li key={asset.id}>
              <label className="choice">
                <input type="checkbox" checked={selected.has(asset.id)} onChange={() => toggle(asset.id)} />
                <span>
                  <strong>{asset.tag}</strong> · {asset.name}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </div>
      {chosen.length > 0 && <LabelSheet assets={chosen} origin={window.location.origin} />}
    </div>
  );
}
