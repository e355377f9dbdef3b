import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Asset } from '@shared/schemas/asset';
import type { Role } from '@shared/schemas/common';
import { WRITE_RULES } from '@shared/domain/permissions';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { useDocument } from '../../db/hooks';
import { useSession } from '../../session/SessionContext';
import { AssetActivity } from './AssetActivity';
import { AssetHistory } from './AssetHistory';
import { AssetTickets, AssetWorkOrders } from './AssetWork';
import { ASSET_STATUS_LABELS } from './ticket-labels';
import { ScannedAsset } from './ScannedAsset';
import './assets.css';

/**
 * `/a/:tag` — what a scanned label opens (in the app's scanner or from a phone's own camera app):
 * the asset from the local database, so it works offline.
 */
export function AssetPage() {
  return <ScannedAsset>{(asset) => <AssetDetail asset={asset} />}</ScannedAsset>;
}

export function canReportFault(role: Role): boolean {
  return WRITE_RULES[role].tickets.create;
}

function AssetDetail({ asset }: { asset: Asset }) {
  const { user } = useSession();
  const site = useDocument('sites', asset.siteId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [asset.id]);
  const tagPath = encodeURIComponent(asset.tag);
  return (
    <article className="asset-page" data-testid="asset-page" data-tag={asset.tag}>
      <header className="asset-header">
        <Link to="/scan" className="back-link">
          ← Scan another
        </Link>
        <h1 ref={heading} tabIndex={-1}>
          {asset.name}
        </h1>
        <p className="badge-row">
          <span className="asset-tag" data-testid="asset-tag">
            {asset.tag}
          </span>
          <span className={`badge badge--asset-${asset.status}`} data-testid="asset-status" data-status={asset.status}>
            {ASSET_STATUS_LABELS[asset.status]}
          </span>
          <span className="muted">Criticality {asset.criticality} of 5</span>
          <UnsyncedMarker collection="assets" id={asset.id} />
        </p>
        {canReportFault(user.role) && (
          <p>
            <Link to={`/a/${tagPath}/report`} className="button primary" data-testid="report-fault">
              Report a fault
            </Link>
          </p>
        )}
      </header>
      <section className="card">
        <h2>Details</h2>
        <dl className="facts">
          <div>
            <dt>Site</dt>
            <dd>{site ? `${site.name} · ${site.address}` : 'Site not on this device yet'}</dd>
          </div>
          <div>
            <dt>Category</dt>
            <dd>{asset.category}</dd>
          </div>
          <div>
            <dt>Make and model</dt>
            <dd>{[asset.manufacturer, asset.model].filter(Boolean).join(' ') || '—'}</dd>
          </div>
          <div>
            <dt>Serial number</dt>
            <dd>{asset.serialNumber || '—'}</dd>
          </div>
        </dl>
      </section>
      <AssetWorkOrders asset={asset} timeZone={site?.timezone} />
      <AssetTickets asset={asset} timeZone={site?.timezone} />
      <AssetHistory asset={asset} timeZone={site?.timezone} />
      <AssetActivity asset={asset} timeZone={site?.timezone} />
    </article>
  );
}
