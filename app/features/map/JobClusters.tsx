import { useMemo } from 'react';
import { Marker } from 'react-leaflet';
import MarkerClusterGroup from 'react-leaflet-cluster';
import type { LatLngTuple, LeafletKeyboardEvent } from 'leaflet';
import 'react-leaflet-cluster/dist/assets/MarkerCluster.css';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import { mapPoints, SLA_WORDS, type MapPoint } from './map-clusters';
import { clusterIcon, idleSiteIcon, ticketIcon } from './map-icons';

export type MapSelection = { siteId: string; ticketId?: string };

type Props = {
  sites: readonly Site[];
  openBySite: ReadonlyMap<string, { open: readonly Ticket[] }>;
  onSelect: (selection: MapSelection) => void;
  now: Date;
};

/**
 * Open tickets and idle sites, clustered with leaflet.markercluster (docs/decisions.md): a
 * cluster click zooms to its markers, or spreads them in a ring when they share one spot (a
 * site's tickets), so every ticket is reachable. Enter on a focused cluster does the same.
 */
export function JobClusters({ sites, openBySite, onSelect, now }: Props) {
  const points = useMemo(() => mapPoints(sites, openBySite, now), [sites, openBySite, now]);
  const siteById = useMemo(() => new Map(sites.map((site) => [site.id, site])), [sites]);
  const ticketById = useMemo(() => new Map([...openBySite.values()].flatMap(({ open }) => open.map((ticket) => [ticket.id, ticket] as const))), [openBySite]);

  return (
    // chunkedLoading: a desk with thousands of open tickets adds them without freezing the page;
    // a 60 px radius (default 80) lets neighbouring sites part a zoom level sooner.
    <MarkerClusterGroup iconCreateFunction={clusterIcon} chunkedLoading maxClusterRadius={60} spiderfyDistanceMultiplier={1.4}>
      {points.map((mapPoint) => {
        const title = markerTitle(mapPoint, siteById.get(mapPoint.siteId), mapPoint.ticketId ? ticketById.get(mapPoint.ticketId) : undefined);
        // State and title are in the key: react-leaflet sets neither on a live marker, and
        // markercluster only redraws a cluster whose markers change, so a ticket whose SLA state
        // or number (provisional → server's) changes is re-added and its cluster recoloured.
        return <PointMarker key={`${mapPoint.key}:${mapPoint.state}:${title}`} point={mapPoint} title={title} onSelect={onSelect} />;
      })}
    </MarkerClusterGroup>
  );
}

function markerTitle(point: MapPoint, site: Site | undefined, ticket: Ticket | undefined): string {
  const siteName = site?.name ?? point.siteId;
  return ticket ? `${ticket.number} ${ticket.title} (${siteName}): SLA ${SLA_WORDS[point.state]}` : `${siteName}: ${SLA_WORDS.none}`;
}

function PointMarker({ point, title, onSelect }: { point: MapPoint; title: string; onSelect: Props['onSelect'] }) {
  const { siteId, state, ticketId, lat, lng } = point;
  // A new position array on every render would make react-leaflet move the marker, and
  // markercluster re-add it: an open spider (a site's tickets spread out) would fold at each render.
  const position = useMemo<LatLngTuple>(() => [lat, lng], [lat, lng]);
  const icon = useMemo(() => (ticketId ? ticketIcon({ siteId, state }, ticketId) : idleSiteIcon({ siteId, state })), [siteId, state, ticketId]);
  const select = () => onSelect(ticketId ? { siteId, ticketId } : { siteId });
  // Leaflet makes markers focusable buttons but only popups answer Enter; these answer it too.
  const onKeyPress = (event: LeafletKeyboardEvent) => event.originalEvent.key === 'Enter' && select();
  return <Marker position={position} icon={icon} title={title} eventHandlers={{ click: select, keypress: onKeyPress }} />;
}
