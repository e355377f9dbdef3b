import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@shared/schemas/user';
import type { LoginResponse } from '@shared/sync/auth-protocol';
import { USERS_ADMIN_PATH } from '@shared/sync/user-admin-protocol';
import { loginAs, TestApi } from '../helpers/api-client';
import { pullAll, pushRows, StreamReader } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

type ErrorReply = { error: string; message: string; field?: string };

let server: TestServer;
let admin: TestApi;
let anonymous: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, 'admin');
  anonymous = new TestApi(server.url);
});
afterAll(async () => {
  await server?.stop();
});

let counter = 0;
const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `eng-new-${++counter}`,
  fullName: 'Noor Haddad',
  email: `noor${counter}@example.com`,
  role: 'engineer',
  siteIds: ['site-lon'],
  skills: ['HVAC'],
  password: 'correct horse battery',
  ...overrides,
});
const signIn = (username: string, password: string) => anonymous.post<LoginResponse>('/api/auth/login', { username, password });
const setPasswordOf = (api: TestApi, id: string, password: string) => api.request<ErrorReply>('PUT', `${USERS_ADMIN_PATH}/${id}/password`, { password });

describe('POST /api/admin/users', () => {
  it('adds a user who can sign in with the first password, appears in the directory and is audited', async () => {
    const input = newUser();
    const created = await admin.post<User>(USERS_ADMIN_PATH, input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: input.username, role: 'engineer', siteIds: ['site-lon'], active: true, type: 'user' });
    expect(created.body).not.toHaveProperty('password');

    const login = await signIn(input.username, input.password);
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(created.body.id);

    const dispatcher = await loginAs(server.url, 'dispatch1');
    const directory = (await pullAll(dispatcher, 'users', 1000)).documents as User[];
    expect(directory.find((user) => user.id === created.body.id)).toMatchObject({ fullName: 'Noor Haddad' });
    expect(JSON.stringify(directory)).not.toContain(input.password);
    const activities = (await pullAll(admin, 'activities', 1000)).documents as { subjectId: string; actorId: string; action: string }[];
    expect(activities.find((activity) => activity.subjectId === created.body.id)).toMatchObject({ actorId: 'user-admin', action: 'created' });
  });

  it('refuses a taken username with a 409 naming the field, and keeps the first user’s password', async () => {
    const input = newUser();
    expect((await admin.post(USERS_ADMIN_PATH, input)).status).toBe(201);
    const again = await admin.post<ErrorReply>(USERS_ADMIN_PATH, { ...input, password: 'another password' });
    expect(again.status).toBe(409);
    expect(again.body.field).toBe('username');
    expect((await signIn(input.username, input.password)).status).toBe(200);
    expect((await signIn(input.username, 'another password')).status).toBe(401);
    // A demo account's username is taken too.
    expect((await admin.post<ErrorReply>(USERS_ADMIN_PATH, newUser({ username: 'eng1' }))).body.field).toBe('username');
  });

  it('refuses bad input with a 400 naming the field, storing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [newUser({ password: 'short' }), 'password'],
      [newUser({ role: 'superuser' }), 'role'],
      [newUser({ email: 'not-an-email' }), 'email'],
      [newUser({ username: 'Has Spaces' }), 'username'],
      [newUser({ siteIds: ['site-lon', 'site-nowhere'] }), 'siteIds[1]'],
    ];
    for (const [input, field] of cases) {
      const response = await admin.post<ErrorReply>(USERS_ADMIN_PATH, input);
      expect(response.status, field).toBe(400);
      expect(response.body.field).toBe(field);
      expect((await signIn(String(input.username), String(input.password))).status).toBe(401);
    }
  });

  it('is for admins only', async () => {
    for (const username of ['dispatch1', 'eng1', 'site1']) {
      const api = await loginAs(server.url, username);
      const input = newUser();
      expect((await api.post(USERS_ADMIN_PATH, input)).status).toBe(403);
      expect((await signIn(input.username, input.password)).status).toBe(401);
    }
    expect((await anonymous.post(USERS_ADMIN_PATH, newUser())).status).toBe(401);
  });
});

describe('PUT /api/admin/users/:id/password', () => {
  it('sets a new password and signs the user out of every session', async () => {
    const input = newUser();
    const { id } = (await admin.post<User>(USERS_ADMIN_PATH, input)).body;
    const phone = (await signIn(input.username, input.password)).body;
    const laptop = (await signIn(input.username, input.password)).body;

    const reset = await setPasswordOf(admin, id, 'a brand new secret');
    expect(reset.status).toBe(200);
    expect((await signIn(input.username, input.password)).status).toBe(401);
    expect((await signIn(input.username, 'a brand new secret')).status).toBe(200);
    for (const session of [phone, laptop]) {
      expect((await anonymous.post('/api/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    }
  });

  it('answers 404 for an unknown user, 400 for a short password, 403 for anyone but an admin', async () => {
    expect((await setPasswordOf(admin, 'user-nobody', 'long enough secret')).status).toBe(404);
    const short = await setPasswordOf(admin, 'user-eng2', 'short');
    expect(short.status).toBe(400);
    expect(short.body.field).toBe('password');
    const dispatcher = await loginAs(server.url, 'dispatch1');
    expect((await setPasswordOf(dispatcher, 'user-eng2', 'long enough secret')).status).toBe(403);
    expect((await signIn('eng2', 'demo1234')).status).toBe(200);
  });
});

describe('a change of access takes effect at once', () => {
  /** What the Users screen does: a synced edit of the user's document. */
  async function editUser(id: string, change: Partial<User>) {
    const stored = ((await pullAll(admin, 'users', 1000)).documents as User[]).find((user) => user.id === id);
    if (!stored) throw new Error(`user ${id} is not in the directory`);
    expect((await pushRows(admin, 'users', [{ assumedMasterState: stored, newDocumentState: { ...stored, ...change } }])).body).toEqual([]);
  }

  it('refuses the token issued before a move to another site and ends its stream; the renewed one has the new sites', async () => {
    const input = newUser();
    const { id } = (await admin.post<User>(USERS_ADMIN_PATH, input)).body;
    const session = (await signIn(input.username, input.password)).body;
    const device = new TestApi(server.url, session.accessToken);
    expect((await device.get('/api/sync/workOrders/pull?limit=1')).status).toBe(200);
    const stream = await StreamReader.open(device);
    try {
      await editUser(id, { siteIds: ['site-ber'] });
      const outcome = await Promise.race([stream.ended.then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000))]);
      expect(outcome).toBe('ended');
      expect((await device.get('/api/sync/workOrders/pull?limit=1')).status).toBe(401);
    } finally {
      stream.close();
    }
    const renewed = await anonymous.post<LoginResponse>('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body.user.siteIds).toEqual(['site-ber']);
    expect((await new TestApi(server.url, renewed.body.accessToken).get('/api/sync/workOrders/pull?limit=1')).status).toBe(200);
  });

  it('refuses a deactivated user’s token at once, and does not renew it', async () => {
    const input = newUser();
    const { id } = (await admin.post<User>(USERS_ADMIN_PATH, input)).body;
    const session = (await signIn(input.username, input.password)).body;
    const device = new TestApi(server.url, session.accessToken);
    await editUser(id, { active: false });
    expect((await device.get('/api/sync/workOrders/pull?limit=1')).status).toBe(401);
    const refused = await anonymous.post<ErrorReply>('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('account_inactive');
  });

  it('answers a refresh after a password reset with unauthorized (sign in again), not account_inactive', async () => {
    const input = newUser();
    const { id } = (await admin.post<User>(USERS_ADMIN_PATH, input)).body;
    const session = (await signIn(input.username, input.password)).body;
    expect((await setPasswordOf(admin, id, 'a brand new password')).status).toBe(200);
    const refused = await anonymous.post<ErrorReply>('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('unauthorized');
  });
});
