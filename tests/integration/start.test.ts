import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES } from '@server/seed/demo-accounts';
import { TestApi } from '../helpers/api-client';
import { spawnServer, type SpawnedServer } from '../helpers/spawn-server';
import { pullAll } from '../helpers/sync-client';

let dataDir: string;
let server: SpawnedServer;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-start-'));
  // Exactly the README's command, with its defaults, on an empty data folder.
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  server = await spawnServer(env, ['npm', 'start', '--silent']);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on an empty store', () => {
  it('comes up healthy with the demo data, prints the demo logins, and warns about dev secrets', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: { ok: true } });
    for (const username of DEMO_USERNAMES) expect(server.output()).toContain(username);
    expect(server.output()).toMatch(/JWT_SECRET is not set/);
    const admin = await new TestApi(server.url).login('admin');
    expect((await pullAll(admin, 'users', 100)).documents).toHaveLength(DEMO_USERNAMES.length);
    expect((await pullAll(admin, 'workOrders', 1000)).documents.length).toBeGreaterThanOrEqual(100);
    const engineer = await new TestApi(server.url).login('eng1');
    const mine = (await pullAll(engineer, 'workOrders', 1000)).documents;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((wo) => wo.type === 'workOrder' && wo.assigneeId === 'user-eng1')).toBe(true);
  });

  it('keeps an idle connection longer than a proxy in front of it keeps its own', async () => {
    const agent = new http.Agent({ keepAlive: true });
    const keepAlive = await new Promise<string | string[] | undefined>((resolve, reject) => {
      http.get(`${server.url}/api/health`, { agent }, (response) => {
        response.resume();
        resolve(response.headers['keep-alive']);
      }).on('error', reject);
    });
    agent.destroy();
    expect(keepAlive).toBe('timeout=65');
  });

  it('serves a page at / on the same port', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/html/);
  });
});
