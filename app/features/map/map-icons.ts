/// <reference types="leaflet.markercluster" />
// ^ MarkerCluster's types: react-leaflet-cluster loads the plugin itself, this file only names its cluster type.
import { DivIcon, point, type DivIconOptions, type MarkerCluster } from 'leaflet';
import { summariseCluster, type ClusterMember } from './map-clusters';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A marker's icon that also carries what its cluster needs (site, SLA state): Leaflet hands the
 * cluster its child markers, not our data, and a marker's options have no room for our fields.
 */
export class PointIcon extends DivIcon {
  readonly member: ClusterMember;

  constructor(member: ClusterMember, options: DivIconOptions) {
    super(options);
    this.member = member;
  }
}

/** An open ticket, coloured by its SLA state; a breach also shows "!" (colour is not the only cue). */
export function ticketIcon(member: ClusterMember, ticketId: string): PointIcon {
  const mark = member.state === 'breached' ? '!' : '';
  return new PointIcon(member, {
    className: 'map-point-wrap',
    iconSize: [26, 26],
    iconAnchor: [13, 13],
    html: `<span class="map-job map-job--${member.state}" data-testid="map-job" data-ticket="${escapeHtml(ticketId)}" data-site="${escapeHtml(member.siteId)}" data-sla="${member.state}" aria-hidden="true">${mark}</span>`,
  });
}

/** A site with no open ticket: a grey 0, as the clusters count open tickets. */
export function idleSiteIcon(member: ClusterMember): PointIcon {
  return new PointIcon(member, {
    className: 'map-point-wrap',
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    html: `<span class="map-idle-site" data-testid="map-idle-site" data-site="${escapeHtml(member.siteId)}" aria-hidden="true">0</span>`,
  });
}

/**
 * leaflet.markercluster's `iconCreateFunction`: the count of open tickets, coloured by the worst
 * SLA state inside, named for screen readers (the marker element is Leaflet's focusable button).
 */
export function clusterIcon(cluster: MarkerCluster): DivIcon {
  const members = cluster.getAllChildMarkers().flatMap((marker) => (marker.options.icon instanceof PointIcon ? [marker.options.icon.member] : []));
  const { jobs, siteIds, worst, label } = summariseCluster(members);
  const size = jobs < 10 ? 38 : jobs < 100 ? 44 : 50;
  return new DivIcon({
    className: 'map-point-wrap',
    iconSize: point(size, size),
    html:
      `<span class="map-cluster map-cluster--${worst}" data-testid="map-cluster" data-count="${jobs}" data-worst="${worst}" data-sites="${escapeHtml(siteIds.join(' '))}" title="${escapeHtml(label)}">` +
      `<span aria-hidden="true">${jobs}</span><span class="visually-hidden">${escapeHtml(label)}</span></span>`,
  });
}
