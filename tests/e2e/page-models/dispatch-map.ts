import type { Locator, Page } from 'playwright-core';

const LONG = { timeout: 60_000 };

export type ClusterView = { count: number; worst: string; siteIds: string[] };

/**
 * The dispatcher's map as a person uses it: clusters with a count, coloured by the worst SLA
 * state inside, and the ticket markers they open into. Reads the markers' data attributes,
 * which carry what their colour and names show.
 */
export class DispatchMap {
  /** Every host the page asked for something: the map must reach nothing but the test server. */
  readonly hosts = new Set<string>();
  /** Paths of tile requests, to show the tiles were asked of the test server. */
  readonly tilePaths: string[] = [];
  private waits = 0;

  constructor(private readonly page: Page) {
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      this.hosts.add(url.hostname);
      if (url.pathname.startsWith('/test-tiles/')) this.tilePaths.push(url.pathname);
    });
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Map', exact: true }).click();
    await this.page.locator('[data-testid="map"] .leaflet-container').waitFor(LONG);
  }

  /** The cluster that holds a site's markers at the current zoom (`~=`: one of its site ids). */
  clusterHolding(siteId: string): Locator {
    return this.page.locator(`[data-testid="map-cluster"][data-sites~="${siteId}"]`);
  }

  ticketMarker(ticketId: string): Locator {
    return this.page.locator(`[data-testid="map-job"][data-ticket="${ticketId}"]`);
  }

  /** Leaflet's marker element around our icon: the one that takes focus (a button). */
  focusableOf(marker: Locator): Locator {
    return marker.locator('xpath=ancestor::div[contains(@class, "leaflet-marker-icon")][1]');
  }

  ticketMarkersAt(siteId: string): Locator {
    return this.page.locator(`[data-testid="map-job"][data-site="${siteId}"]`);
  }

  async clusters(): Promise<ClusterView[]> {
    return this.page.locator('[data-testid="map-cluster"]').evaluateAll((nodes) =>
      nodes.map((node) => ({ count: Number(node.getAttribute('data-count')), worst: node.getAttribute('data-worst') ?? '', siteIds: (node.getAttribute('data-sites') ?? '').split(' ') })),
    );
  }

  /**
   * Waits until no zoom or cluster animation runs, over three frames: Leaflet ends its zoom
   * animation a frame before `zoomend`, on which markercluster redraws its clusters (a click in
   * that gap opens a cluster that is then replaced).
   */
  async waitForStill(): Promise<void> {
    // Polled once per frame; the count of still frames in a row lives on the page, per call.
    const token = `still-${Date.now()}-${++this.waits}`;
    await this.page.waitForFunction(
      (key) => {
        const counts = ((window as unknown as { stillFrames?: Record<string, number> }).stillFrames ??= {});
        const moving = document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim') !== null;
        counts[key] = moving ? 0 : (counts[key] ?? 0) + 1;
        return counts[key] >= 3;
      },
      token,
      LONG,
    );
  }

  /**
   * Clicks the cluster holding the site until the ticket's own marker shows: each click zooms
   * in, or spreads the markers when they share one spot. Waits for the map after each click.
   */
  async revealTicket(siteId: string, ticketId: string): Promise<Locator> {
    const marker = this.ticketMarker(ticketId);
    for (let click = 0; click < 20 && !(await marker.isVisible()); click++) {
      const cluster = this.clusterHolding(siteId);
      await cluster.evaluate((node) => node.setAttribute('data-clicked', ''));
      await cluster.click();
      // Either the marker came out (spiderfied), or the zoom replaced the clicked cluster.
      await this.page.waitForFunction(
        ({ site, ticket }) =>
          document.querySelector(`[data-testid="map-job"][data-ticket="${ticket}"]`) !== null ||
          document.querySelector(`[data-testid="map-cluster"][data-sites~="${site}"]:not([data-clicked])`) !== null,
        { site: siteId, ticket: ticketId },
        LONG,
      );
      await this.waitForStill();
    }
    await marker.waitFor({ state: 'visible', ...LONG });
    return marker;
  }

  /** The side panel listing the chosen site's open tickets. */
  siteTickets(): Locator {
    return this.page.getByTestId('map-site-tickets');
  }
}
