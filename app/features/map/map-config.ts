import { DEFAULT_MAP_CONFIG, MapConfigSchema, type MapConfig } from '@shared/sync/map-config';

const STORAGE_KEY = 'fs.mapConfig';

/**
 * The tile source from the server (`GET /api/map-config`), remembered for offline starts. Offline
 * with nothing remembered, the default (OpenStreetMap) is used: cached tiles or none, markers show.
 */
export async function loadMapConfig(): Promise<MapConfig> {
  try {
    const response = await fetch('/api/map-config', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`map config: HTTP ${response.status}`);
    const config = MapConfigSchema.parse(await response.json());
    localStorage.setItem(STORAGE_KEY, JSON.stringify(config));
    return config;
  } catch {
    // Offline or an old server: fall back to what we saw last (a parse step: local data is untrusted).
    return readCachedMapConfig() ?? DEFAULT_MAP_CONFIG;
  }
}

function readCachedMapConfig(): MapConfig | undefined {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (!stored) return undefined;
  try {
    const parsed = MapConfigSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
