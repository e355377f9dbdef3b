import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@server/config';
import { DEFAULT_MAP_CONFIG, MapConfigSchema } from '@shared/sync/map-config';
import { startTestServer, type TestServer } from '../helpers/test-server';

let configured: TestServer;
let defaults: TestServer;

beforeAll(async () => {
  [configured, defaults] = await Promise.all([
    startTestServer({ seed: false, env: { MAP_TILE_URL: 'https://tiles.example.test/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© Example Tiles', MAP_MAX_ZOOM: '17' } }),
    startTestServer({ seed: false }),
  ]);
});

afterAll(async () => {
  await Promise.all([configured?.stop(), defaults?.stop()]);
});

describe('GET /api/map-config', () => {
  it('serves the configured tile source without a sign-in, and lets the CSP load its tiles', async () => {
    const response = await fetch(`${configured.url}/api/map-config`);
    expect(response.status).toBe(200);
    const body = MapConfigSchema.parse(await response.json());
    expect(body).toEqual({ tileUrl: 'https://tiles.example.test/{z}/{x}/{y}.png', attribution: '© Example Tiles', maxZoom: 17 });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/img-src [^;]*https:\/\/tiles\.example\.test/);
    expect(csp).toMatch(/connect-src [^;]*https:\/\/tiles\.example\.test/);
  });

  it('defaults to OpenStreetMap with its attribution', async () => {
    const body = await (await fetch(`${defaults.url}/api/map-config`)).json();
    expect(body).toEqual(DEFAULT_MAP_CONFIG);
    expect(body.attribution).toContain('OpenStreetMap');
  });

  it('refuses to start with a tile URL that is not a tile template, naming the variable', () => {
    expect(() => loadConfig({ MAP_TILE_URL: 'ftp://tiles.example.test/tile.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.test/tile.png' })).toThrow(/MAP_TILE_URL: must contain \{z\}, \{x\} and \{y\}/);
  });
});
