import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const alias = {
  '@shared': path.resolve(import.meta.dirname, 'shared'),
  '@app': path.resolve(import.meta.dirname, 'app'),
};

/** Shown on the Settings screen so a support call can tell which build a device runs. */
const { version } = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/**
 * Chunks kept out of the service worker's precache (see docs/decisions.md, "Precache"): the
 * dispatcher's and admin's desk screens (the Rules screen needs the server anyway), and RxDB's
 * schema validator (development and tests only).
 */
const DESK_ONLY_CHUNKS = ['**/{MapPage,SchedulePage,ReportsPage,LabelsPage,SlaPoliciesPage,RulesPage}-*.{js,css}', '**/validate-ajv-*.js'];

/** The PWA is built from app/ into app/dist, which the sync server serves on its own port. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'app'),
  resolve: { alias },
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      // The glob below already precaches every icon; the plugin's own copy would list them twice.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Field Service',
        short_name: 'Field Service',
        description: 'Work orders, assets and tickets for field engineers — offline first.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b3d91',
        background_color: '#ffffff',
        icons: [
          // Generated from icons/icon.svg by scripts/generate-icons.ts.
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell and every screen a user can reach offline (the field roles' screens), styles,
        // icons; the plugin adds the manifest. Left out: the desk-only screens (map, schedule, reports, labels,
        // SLA policies: desktop, online) and the dev-only validator. Each left-out chunk is cached
        // when first used (runtimeCaching below), so a screen once seen still opens offline.
        globPatterns: ['**/*.{js,css,html,svg,png,ico}'],
        globIgnores: DESK_ONLY_CHUNKS,
        navigateFallback: '/index.html',
        // API and sync requests are never cached: no route matches them, so they go to the network.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first visit is not controlled until the SW claims it; without this, its lazy routes
        // would load from the network and break when a new build replaces them. Updates still wait
        // for the user's "Reload" (prompt mode: no skipWaiting).
        clientsClaim: true,
        // Map tiles the user has viewed, for offline use: any image whose path ends in z/x/y (the
        // tile server is configurable, so the host is not known at build time). Capped by count
        // and age; CORS requests (the map asks with crossOrigin) so no opaque, quota-heavy entries.
        runtimeCaching: [
          {
            // Built chunks are content-hashed, so a cached one never goes stale.
            urlPattern: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'lazy-chunks',
              expiration: { maxEntries: 40, purgeOnQuotaError: true },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            urlPattern: ({ request, url }) => request.destination === 'image' && /\/\d+\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'map-tiles',
              expiration: { maxEntries: 1000, maxAgeSeconds: 30 * 24 * 60 * 60, purgeOnQuotaError: true },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
});
