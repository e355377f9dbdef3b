import path from 'node:path';
import type { CollectionName, DocOf } from '@shared/schemas/collections';
import type { TestApi } from '../helpers/api-client';
import { MovableClock } from '../helpers/movable-clock';
import { pullAll } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

const APP_DIST = path.resolve(import.meta.dirname, '../../app/dist');

/**
 * The real server with demo data serving the built PWA (run `npm run build` first; `npm run
 * test:e2e` does). The browser talks to it as `localhost`, a secure context for service workers
 * and Secure cookies.
 */
export async function startE2eServer(env: Record<string, string> = {}): Promise<{ server: TestServer; baseURL: string; clock: MovableClock }> {
  const clock = new MovableClock();
  // Map tiles from this server (they 404: the map shows its markers without tiles), never the internet.
  const server = await startTestServer({ clock, env: { APP_DIST, MAP_TILE_URL: '/test-tiles/{z}/{x}/{y}.png', ...env } });
  const port = new URL(server.url).port;
  return { server, baseURL: `http://localhost:${port}`, clock };
}

/**
 * What the server holds now for one document, as `api`'s user pulls it (an admin's sees
 * everything): poll it with `expect.poll` to wait for a sync, never a sleep.
 */
export async function serverCopy<C extends CollectionName>(api: TestApi, collection: C, id: string): Promise<DocOf<C> | undefined> {
  return (await pullAll(api, collection, 1000)).documents.find((doc) => doc.id === id) as DocOf<C> | undefined;
}
