import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS_ADMIN_PATH } from '@shared/sync/user-admin-protocol';
import { ensureFirstAdmin } from '@server/auth/first-admin';
import type { Logger } from '@server/logger';
import { TestApi } from '../helpers/api-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** A store without demo data, as production runs it (SEED_DEMO=false). */
let withAdmin: TestServer;
let withoutAdmin: TestServer;

beforeAll(async () => {
  [withAdmin, withoutAdmin] = await Promise.all([
    startTestServer({ seed: false, env: { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'first admin secret' } }),
    startTestServer({ seed: false }),
  ]);
});
afterAll(async () => {
  await Promise.all([withAdmin?.stop(), withoutAdmin?.stop()]);
});

const signIn = (server: TestServer, username: string, password: string) => new TestApi(server.url).post<{ accessToken: string; user: { role: string } }>('/api/auth/login', { username, password });

function capturingLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message), info: () => undefined } as unknown as Logger;
  return { logger, warnings };
}

describe('the first admin of an empty store', () => {
  it('is created from ADMIN_PASSWORD and can add the first users', async () => {
    const login = await signIn(withAdmin, 'root', 'first admin secret');
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('admin');
    const admin = new TestApi(withAdmin.url, login.body.accessToken);
    const added = await admin.post(USERS_ADMIN_PATH, { username: 'eng-first', fullName: 'First Engineer', email: 'first@example.com', role: 'engineer', siteIds: [], skills: [], password: 'engineer secret' });
    expect(added.status).toBe(201);
    expect((await signIn(withAdmin, 'eng-first', 'engineer secret')).status).toBe(200);
  });

  it('is left alone by later starts, whatever ADMIN_PASSWORD says then', async () => {
    await ensureFirstAdmin({ ...withAdmin, config: { ...withAdmin.config, ADMIN_PASSWORD: 'a different secret' } });
    expect((await signIn(withAdmin, 'root', 'first admin secret')).status).toBe(200);
    expect((await signIn(withAdmin, 'root', 'a different secret')).status).toBe(401);
  });

  it('is reported loudly when there is none and no ADMIN_PASSWORD, and nobody can sign in', async () => {
    const { logger, warnings } = capturingLogger();
    await ensureFirstAdmin({ ...withoutAdmin, logger });
    expect(warnings.join('\n')).toMatch(/No active admin exists and ADMIN_PASSWORD is not set/);
    expect((await signIn(withoutAdmin, 'admin', 'demo1234')).status).toBe(401);

    const quiet = capturingLogger();
    await ensureFirstAdmin({ ...withAdmin, logger: quiet.logger, config: { ...withAdmin.config, ADMIN_PASSWORD: undefined } });
    expect(quiet.warnings).toEqual([]);
  });
});
