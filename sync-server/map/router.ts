import { Router } from 'express';
import { MapConfigSchema, type MapConfig } from '@shared/sync/map-config';
import type { AppDeps } from '../app-deps';

/**
 * `GET /api/map-config`: the tile source from MAP_TILE_URL / MAP_TILE_ATTRIBUTION. No sign-in
 * needed: it holds nothing private, and the app caches it for offline starts.
 */
export function createMapRouter({ config }: AppDeps) {
  const body: MapConfig = MapConfigSchema.parse({ tileUrl: config.MAP_TILE_URL, attribution: config.MAP_TILE_ATTRIBUTION, maxZoom: config.MAP_MAX_ZOOM });
  const router = Router();
  router.get('/', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(body);
  });
  return router;
}

/** Origins the CSP must allow for tiles (img-src for <img>, connect-src for the worker's cache fetches). */
export function tileOrigins(tileUrl: string): string[] {
  if (tileUrl.startsWith('/')) return [];
  // A {s} subdomain template becomes a wildcard host, which CSP accepts.
  const host = tileUrl.replace(/\{s\}/g, '*');
  const match = /^(https?:\/\/[^/]+)/.exec(host);
  return match?.[1] ? [match[1]] : [];
}
