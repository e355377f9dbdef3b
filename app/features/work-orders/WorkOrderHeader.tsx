import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Asset } from '@shared/schemas/asset';
import type { Site } from '@shared/schemas/site';
import type { WorkOrder } from '@shared/schemas/work-order';
import { StatusBadge } from '../../components/Badges';
import { formatDay, formatTime } from '../../components/format';
import { isProvisionalNumber, shownNumber, WORK_ORDER_KIND_LABELS } from '../../components/labels';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { mapLinks } from './geo';
import { homeLabelFor } from '../../components/nav-items';
import { useSession } from '../../session/SessionContext';

type Props = { wo: WorkOrder; site?: Site; asset?: Asset };

/** Number, status, where and what: everything needed to find the job and the equipment. */
export function WorkOrderHeader({ wo, site, asset }: Props) {
  const { user } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  // After navigating here, a screen reader and the keyboard start at the work order, not the page top.
  useEffect(() => heading.current?.focus(), [wo.id]);
  const zone = site?.timezone;
  const links = site ? mapLinks(site.location, site.name) : undefined;
  return (
    <header className="wo-header">
      <Link to="/" className="back-link">
        ← {homeLabelFor(user.role)}
      </Link>
      <h1 ref={heading} tabIndex={-1}>
        Work order {shownNumber(wo.number)}
        {isProvisionalNumber(wo.number) && <span className="muted"> (provisional)</span>}
      </h1>
      <p className="wo-header__status">
        <StatusBadge status={wo.status} testId="wo-status" />
        <span className="muted">{WORK_ORDER_KIND_LABELS[wo.kind]}</span>
        <UnsyncedMarker collection="workOrders" id={wo.id} />
      </p>
      <dl className="facts">
        <div>
          <dt>Site</dt>
          <dd>
            {site ? (
              <>
                <strong>{site.name}</strong>
                <br />
                {site.address}
                {links && (
                  <span className="link-row">
                    <a href={links.geo}>Open in maps app</a>
                    <a href={links.web} target="_blank" rel="noreferrer">
                      Web map
                    </a>
                  </span>
                )}
              </>
            ) : (
              'Site not on this device yet'
            )}
          </dd>
        </div>
        {wo.assetId && (
          <div>
            <dt>Asset</dt>
            <dd>
              {asset ? (
                <>
                  {/* The asset's page: its open work, tickets and service history. */}
                  <Link to={`/a/${encodeURIComponent(asset.tag)}`} data-testid="wo-asset-link">
                    <strong>{asset.name}</strong> · {asset.tag}
                  </Link>
                  <br />
                  <span className="muted">
                    {[asset.manufacturer, asset.model].filter(Boolean).join(' ')}
                    {asset.serialNumber && ` · S/N ${asset.serialNumber}`}
                  </span>
                </>
              ) : (
                'Asset not on this device yet'
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>Scheduled</dt>
          <dd>
            {formatDay(wo.scheduledStart, zone)}, {formatTime(wo.scheduledStart, zone)}–{formatTime(wo.scheduledEnd, zone)}
            {zone && <span className="muted"> (site time)</span>}
          </dd>
        </div>
      </dl>
    </header>
  );
}
