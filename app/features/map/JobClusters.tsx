import { useMemo } from 'react';
import { Marker } from 'react-leaflet';
import MarkerClusterGroup from 'react-leaflet-cluster';
import type { LeafletKeyboardEvent } from 'leaflet';
import 'react-leaflet-cluster/dist/assets/MarkerCluster.css';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import { SLA_RANK } from './map-data';
import { mapPoints, SLA_WORDS, type MapPoint } from './map-clusters';
import { clusterIcon, idleSiteIcon, ticketIcon } from './map-icons';

export type MapSelection = { siteId: string; ticketId?: string };

type Props = {
  sites: readonly Site[];
  openBySite: ReadonlyMap<string, { open: readonly Ticket[] }>;
  onSelect: (selection: MapSelection) => void;
};

/**
 * Open tickets and idle sites, clustered with leaflet.markercluster (docs/decisions.md): a
 * cluster click zooms to its markers, or spreads them in a ring when they share one spot (a
 * site's tickets), so every ticket is reachable. Enter on a focused cluster does the same.
 */
export function JobClusters({ sites, openBySite, onSelect }: Props) {
  const points = useMemo(() => mapPoints(sites, openBySite), [sites, openBySite]);
  const siteById = useMemo(() => new Map(sites.map((site) => [site.id, site])), [sites]);
  const ticketById = useMemo(() => new Map([...openBySite.values()].flatMap(({ open }) => open.map((ticket) => [ticket.id, ticket] as const))), [openBySite]);

  return (
    // chunkedLoading: a desk with thousands of open tickets adds them without freezing the page.
    <MarkerClusterGroup iconCreateFunction={clusterIcon} chunkedLoading maxClusterRadius={60} spiderfyDistanceMultiplier={1.4}>
      {points.map((mapPoint) => (
        // The state is in the key: a ticket whose SLA state changes is re-added, so the cluster
        // around it recomputes its colour (markercluster only redraws a cluster when it changes).
        <PointMarker key={`${mapPoint.key}:${mapPoint.state}`} point={mapPoint} site={siteById.get(mapPoint.siteId)} ticket={mapPoint.ticketId ? ticketById.get(mapPoint.ticketId) : undefined} onSelect={onSelect} />
      ))}
    </MarkerClusterGroup>
  );
}

function PointMarker({ point, site, ticket, onSelect }: { point: MapPoint; site: Site | undefined; ticket: Ticket | undefined; onSelect: Props['onSelect'] }) {
  const { siteId, state, ticketId } = point;
  const icon = useMemo(() => (ticketId ? ticketIcon({ siteId, state }, ticketId) : idleSiteIcon({ siteId, state })), [siteId, state, ticketId]);
  const siteName = site?.name ?? siteId;
  const title = ticket ? `${ticket.number} ${ticket.title} (${siteName}): SLA ${SLA_WORDS[state]}` : `${siteName}: ${SLA_WORDS.none}`;
  const select = () => onSelect(ticketId ? { siteId, ticketId } : { siteId });
  // Leaflet makes markers focusable buttons but only popups answer Enter; these answer it too.
  const onKeyPress = (event: LeafletKeyboardEvent) => event.originalEvent.key === 'Enter' && select();
  return <Marker position={[point.lat, point.lng]} icon={icon} title={title} zIndexOffset={SLA_RANK[state] * 1000} eventHandlers={{ click: select, keypress: onKeyPress }} />;
}
