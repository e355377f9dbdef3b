import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { RULES_ADMIN_PATH } from '@shared/sync/rules-admin-protocol';
import { USERS_ADMIN_PATH } from '@shared/sync/user-admin-protocol';
import { ASSET_IMPORT_PATH } from '@shared/sync/asset-import-protocol';
import type { AppDeps } from './app-deps';
import { createAssetImportRouter } from './assets/import-router';
import { createAuditsRouter } from './audits/router';
import { createAuthRouter } from './auth/router';
import { createHealthRouter } from './health/router';
import { createMapRouter, tileOrigins } from './map/router';
import { errorHandler, notFoundHandler } from './middlewares/error-handler';
import { requireProtocolVersion } from './middlewares/protocol-version';
import { createSyncRouter } from './replication/router';
import { createRulesAdminRouter } from './rules/router';
import { createSlaPolicyRouter } from './sla/admin-router';
import { createUserAdminRouter } from './auth/user-admin-router';

/** Sized for a push batch of 1000 work orders of a few KB each; photos travel as attachments. */
export const JSON_BODY_LIMIT = '8mb';

/** Builds the Express app from its dependencies; main.ts listens, tests use it directly. */
export function createApp(deps: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.TRUST_PROXY);
  // Helmet's default CSP already allows the app: script/worker/connect/manifest fall back to 'self'.
  // Added: blob: images (photo previews are object URLs), and no https upgrade of plain-HTTP dev
  // servers (a phone testing against http://<lan-ip>:8080 would load nothing).
  // Map tiles come from MAP_TILE_URL's origin: images on the page, fetches from the service worker.
  const tiles = tileOrigins(deps.config.MAP_TILE_URL);
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:', ...tiles], 'connect-src': ["'self'", ...tiles], 'worker-src': ["'self'"], 'upgrade-insecure-requests': deps.config.NODE_ENV === 'production' ? [] : null } } }));
  app.use(pinoHttp({ logger: deps.logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  app.use('/api', cors({ origin: deps.config.CORS_ORIGINS, credentials: true }));
  // The live stream must not be buffered by compression.
  app.use(compression({ filter: (req, res) => !req.path.endsWith('/stream') && compression.filter(req, res) }));
  app.use('/api', express.json({ limit: JSON_BODY_LIMIT }), cookieParser(), requireProtocolVersion);
  app.use('/api/health', createHealthRouter(deps));
  app.use('/api/auth', createAuthRouter(deps));
  app.use('/api/sync', createSyncRouter(deps));
  app.use('/api/audits', createAuditsRouter(deps));
  app.use('/api/map-config', createMapRouter(deps));
  app.use('/api/admin/sla-policies', createSlaPolicyRouter(deps));
  app.use(ASSET_IMPORT_PATH, createAssetImportRouter(deps));
  app.use(USERS_ADMIN_PATH, createUserAdminRouter(deps));
  app.use(RULES_ADMIN_PATH, createRulesAdminRouter(deps));
  app.use('/api', notFoundHandler);
  serveAppShell(app, path.resolve(deps.config.APP_DIST));
  app.use(errorHandler(deps.logger));
  return app;
}

/** The built PWA on the same port; a placeholder page until `npm run build` has produced it. */
function serveAppShell(app: express.Express, distDir: string) {
  const indexFile = path.join(distDir, 'index.html');
  app.use(express.static(distDir, { index: false, maxAge: '1h', setHeaders: setAppCacheHeaders }));
  app.get(/^(?!\/api\/).*/, (req, res) => {
    // A missing file is a 404, not the shell: an old client asking for a chunk from a previous
    // build must fail loudly rather than parse HTML as JavaScript.
    if (STATIC_FILE.test(req.path)) return res.status(404).type('text').send('Not found');
    if (fs.existsSync(indexFile)) return res.sendFile(indexFile, { headers: { 'Cache-Control': 'no-cache' } });
    res.type('html').send('<!doctype html><title>Field Service</title><h1>Field Service sync server</h1><p>The app has not been built yet: run <code>npm run build</code>.</p>');
  });
}

/** File types the build emits (app routes such as /assets/:tag must still get the shell). */
const STATIC_FILE = /\.(?:js|mjs|css|map|png|svg|ico|webmanifest)$/;

function setAppCacheHeaders(res: express.Response, filePath: string) {
  // The service worker and the shell must be revalidated so updates reach devices. sw.js sits at
  // the root, so its default scope is the whole app (no Service-Worker-Allowed header needed).
  if (/(?:^|[/\\])(?:sw\.js|index\.html|manifest\.webmanifest)$/.test(filePath)) res.setHeader('Cache-Control', 'no-cache');
  // Vite puts a content hash in every name under assets/: a changed file gets a new URL.
  else if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
