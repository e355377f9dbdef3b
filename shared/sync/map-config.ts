import { z } from 'zod';

/**
 * `GET /api/map-config`: where the map's tiles come from. Set by the server's MAP_TILE_URL and
 * MAP_TILE_ATTRIBUTION, so a deployment can use its own tile server (or a blank one in tests).
 * The URL is a Leaflet template: {z}/{x}/{y}, optional {s} subdomain and {r} retina suffix.
 */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

export const TileUrlSchema = z
  .string()
  .regex(/^(https?:\/\/|\/)/, 'must be an http(s) URL or a path on this server')
  .refine((url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)), 'must contain {z}, {x} and {y}');

export const MapConfigSchema = z.object({
  tileUrl: TileUrlSchema,
  attribution: z.string().max(500),
  maxZoom: z.number().int().min(1).max(22),
});
export type MapConfig = z.infer<typeof MapConfigSchema>;

export const DEFAULT_MAP_CONFIG: MapConfig = { tileUrl: DEFAULT_TILE_URL, attribution: DEFAULT_TILE_ATTRIBUTION, maxZoom: 19 };
