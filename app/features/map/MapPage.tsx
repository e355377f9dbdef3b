import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { CircleMarker, MapContainer, TileLayer, Tooltip } from 'react-leaflet';
import { latLngBounds, type LatLngBoundsExpression } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapConfig } from '@shared/sync/map-config';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import { PriorityBadge, SlaBadge, StatusBadge } from '../../components/Badges';
import { formatSiteTime } from '../../components/format';
import { useNow } from '../../components/useNow';
import { useCollection } from '../../db/useCollection';
import { JobClusters, type MapSelection } from './JobClusters';
import { loadMapConfig } from './map-config';
import { lastCheckIns, summariseSites, todaysWorkOrders } from './map-data';
import './map.css';

/**
 * Open tickets at their sites, clustered: each cluster shows its count and the worst SLA state
 * inside (colour, a "!" and its name carry it), engineers' last check-ins, and today's jobs.
 * Works with no tiles at all.
 */
export function MapPage() {
  const sites = useCollection('sites');
  const tickets = useCollection('tickets');
  const workOrders = useCollection('workOrders');
  const users = useCollection('users', { role: 'engineer' });
  const [config, setConfig] = useState<MapConfig>();
  const [selection, setSelection] = useState<MapSelection>();
  const now = useNow(60_000);

  useEffect(() => {
    let cancelled = false;
    void loadMapConfig().then((loaded) => !cancelled && setConfig(loaded));
    return () => {
      cancelled = true;
    };
  }, []);

  const summary = useMemo(() => summariseSites(tickets ?? []), [tickets]);
  const positions = useMemo(() => lastCheckIns(workOrders ?? []), [workOrders]);
  const today = useMemo(() => todaysWorkOrders(workOrders ?? [], now), [workOrders, now]);
  const siteById = new Map((sites ?? []).map((site) => [site.id, site]));
  const userById = new Map((users ?? []).map((user) => [user.id, user]));

  if (!sites || !config) return <p className="page-message" role="status">Loading the map…</p>;
  const bounds: LatLngBoundsExpression | undefined = sites.length > 0 ? latLngBounds(sites.map((site) => [site.location.lat, site.location.lng])).pad(0.2) : undefined;
  const selected = selection ? siteById.get(selection.siteId) : undefined;

  return (
    <div className="desk map-page">
      <h1>Map</h1>
      <div className="map-page__layout">
        <div className="map-view" data-testid="map">
          <MapContainer {...(bounds ? { bounds } : { center: [20, 0], zoom: 2 })} scrollWheelZoom maxZoom={config.maxZoom} className="map-view__leaflet">
            <TileLayer url={config.tileUrl} attribution={config.attribution} maxZoom={config.maxZoom} crossOrigin="anonymous" />
            <JobClusters sites={sites} openBySite={summary} onSelect={setSelection} now={now} />
            {[...positions].map(([engineerId, position]) => (
              <CircleMarker key={engineerId} center={[position.lat, position.lng]} radius={7} pathOptions={{ color: '#0b3d91', fillOpacity: 0.8 }}>
                <Tooltip>
                  {userById.get(engineerId)?.fullName ?? engineerId}: last check-in {formatSiteTime(position.at, siteById.get(position.siteId)?.timezone, { withDay: true })}
                </Tooltip>
              </CircleMarker>
            ))}
          </MapContainer>
        </div>
        <aside className="map-page__side">
          {selected ? (
            <SiteTickets site={selected} tickets={summary.get(selected.id)?.open ?? []} now={now} current={selection?.ticketId} onClose={() => setSelection(undefined)} />
          ) : (
            <p className="muted">Choose a ticket or a site on the map to list the site's open tickets.</p>
          )}
          <section className="card" aria-labelledby="map-today">
            <h2 id="map-today">
              Today's work orders <span className="count">({today.length})</span>
            </h2>
            <ul className="plain-list">
              {today.map((wo) => (
                <li key={wo.id} data-testid="map-wo">
                  <time dateTime={wo.scheduledStart}>{formatSiteTime(wo.scheduledStart, siteById.get(wo.siteId)?.timezone)}</time> <Link to={`/work-orders/${wo.id}`}>{wo.number}</Link> · {siteById.get(wo.siteId)?.code ?? wo.siteId} · {userById.get(wo.assigneeId)?.fullName ?? wo.assigneeId} <StatusBadge status={wo.status} />
                </li>
              ))}
            </ul>
          </section>
          <p className="hint">Times are on each site's clock, named when it is not this device's. Circles with a number: open tickets nearby, coloured by the worst SLA state among them (! = breached); choose one to zoom in or spread a site's tickets. Dots: engineers' last check-ins.</p>
        </aside>
      </div>
    </div>
  );
}

function SiteTickets({ site, tickets, now, current, onClose }: { site: Site; tickets: readonly Ticket[]; now: Date; current: string | undefined; onClose: () => void }) {
  return (
    <section className="card" aria-labelledby="map-site-title" data-testid="map-site-tickets">
      <h2 id="map-site-title">
        {site.name} <span className="count">({tickets.length} open)</span>
      </h2>
      {tickets.length === 0 ? (
        <p className="muted">No open tickets.</p>
      ) : (
        <ul className="plain-list">
          {tickets.map((ticket) => (
            <li key={ticket.id} className={ticket.id === current ? 'map-site-tickets__current' : undefined} aria-current={ticket.id === current ? 'true' : undefined}>
              <Link to={`/tickets/${ticket.id}`}>{ticket.number}</Link> {ticket.title} <PriorityBadge priority={ticket.priority} /> <SlaBadge ticket={ticket} now={now} />
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
