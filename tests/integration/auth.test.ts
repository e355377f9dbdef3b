import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserSchema } from '@shared/schemas/user';
import { type LoginResponse, REFRESH_COOKIE } from '@shared/sync/auth-protocol';
import { LOGIN_THROTTLE } from '@server/auth/login-throttle';
import { REFRESH_TOKEN_TTL_SECONDS } from '@server/auth/refresh-tokens';
import { type ApiResponse, TestApi } from '../helpers/api-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

type ErrorReply = { error: string; message: string; field?: string };

/** The server's clock runs `offsetMs` ahead of the wall clock; one test moves it past a token's expiry. */
let offsetMs = 0;
const movableClock = { now: () => new Date(Date.now() + offsetMs) };

let server: TestServer;
let api: TestApi;

beforeAll(async () => {
  server = await startTestServer({ clock: movableClock });
  api = new TestApi(server.url);
});
afterAll(async () => {
  await server?.stop();
});

const login = (username: string, password = 'demo1234') => api.post<LoginResponse>('/api/auth/login', { username, password });
const refreshWithBody = (refreshToken: string) => api.post<LoginResponse>('/api/auth/refresh', { refreshToken });
const refreshWithCookie = (cookie: string) => api.post<LoginResponse>('/api/auth/refresh', undefined, { cookie });
const me = (accessToken: string) => api.request<unknown>('GET', '/api/auth/me', undefined, { authorization: `Bearer ${accessToken}` });

async function loggedIn(username: string): Promise<LoginResponse> {
  const response = await login(username);
  expect(response.status).toBe(200);
  return response.body;
}

/** The refresh cookie's Set-Cookie line, split into its value and lower-cased attributes. */
function refreshSetCookie(response: ApiResponse) {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${REFRESH_COOKIE}=`));
  if (!line) throw new Error('no refresh Set-Cookie in the response');
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  return { pair, value: pair.slice(REFRESH_COOKIE.length + 1), attributes: attributes.map((a) => a.toLowerCase()) };
}

describe('POST /api/auth/login', () => {
  it('returns tokens and the directory user; the access token works on /me', async () => {
    const response = await login('eng1');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { accessToken, refreshToken, expiresIn, user } = response.body;
    expect(expiresIn).toBeLessThanOrEqual(15 * 60);
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(UserSchema.parse(user)).toMatchObject({ id: 'user-eng1', username: 'eng1', role: 'engineer', active: true });
    expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|argon2/);

    const current = await me(accessToken);
    expect(current.status).toBe(200);
    expect(current.body).toEqual(user);
  });

  it('sets the refresh token as an HttpOnly, Secure, SameSite=Strict cookie scoped to /api/auth', async () => {
    const response = await login('eng2');
    const cookie = refreshSetCookie(response);
    expect(cookie.value).toBe(response.body.refreshToken);
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/api/auth', `max-age=${REFRESH_TOKEN_TTL_SECONDS}`]),
    );
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrongPassword = await login('eng1', 'not-the-password');
    const unknownUser = await login('nobody-here', 'not-the-password');
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body).toEqual({ error: 'invalid_credentials', message: expect.any(String) });
    expect(unknownUser.body).toEqual(wrongPassword.body);
    expect(unknownUser.headers.get('set-cookie')).toBeNull();
  });

  it('refuses bad bodies with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ password: 'demo1234' }, 'username'],
      [{ username: 5, password: 'demo1234' }, 'username'],
      [{ username: 'eng1', password: ['demo1234'] }, 'password'],
      [{ username: 'eng1' }, 'password'],
    ];
    for (const [body, field] of cases) {
      const response = await api.post<ErrorReply>('/api/auth/login', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ error: 'validation_failed', field });
    }
    const malformed = await api.post<ErrorReply>('/api/auth/login', '{"username": "eng1", "password":');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: 'malformed_json', field: 'body' });
    const badRefresh = await api.post<ErrorReply>('/api/auth/refresh', { refreshToken: 12345 });
    expect(badRefresh.status).toBe(400);
    expect(badRefresh.body).toMatchObject({ error: 'validation_failed', field: 'refreshToken' });
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates a token sent in the body: the new one works, the old one no longer does', async () => {
    const first = await loggedIn('eng3');
    const second = await refreshWithBody(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.user.id).toBe('user-eng3');
    expect((await me(second.body.accessToken)).status).toBe(200);

    const third = await refreshWithBody(second.body.refreshToken);
    expect(third.status).toBe(200);
    expect((await refreshWithBody(first.refreshToken)).status).toBe(401);
  });

  it('rotates the cookie of a browser that sends no body', async () => {
    const first = refreshSetCookie(await login('eng4'));
    const refreshed = await refreshWithCookie(first.pair);
    expect(refreshed.status).toBe(200);
    const next = refreshSetCookie(refreshed);
    expect(next.value).toBe(refreshed.body.refreshToken);
    expect(next.value).not.toBe(first.value);
    expect(next.attributes).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/api/auth']));
    expect((await refreshWithCookie(next.pair)).status).toBe(200);
  });

  it('treats reuse of a rotated token as theft: 401 refresh_token_reused and the whole family is revoked', async () => {
    const stolen = await loggedIn('eng5');
    const otherDevice = await loggedIn('eng5');
    const rotated = await refreshWithBody(stolen.refreshToken);
    expect(rotated.status).toBe(200);

    const reuse = await refreshWithBody(stolen.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body).toMatchObject({ error: 'refresh_token_reused' });
    // The newest token of that family, held by whoever won the race, is dead too.
    const newest = await refreshWithBody(rotated.body.refreshToken);
    expect(newest.status).toBe(401);
    expect(newest.body).toMatchObject({ error: 'unauthorized' });
    // Another login of the same user is another family and keeps working.
    expect((await refreshWithBody(otherDevice.refreshToken)).status).toBe(200);
  });

  it('lets at most one of two concurrent uses of a token win, and no token of the family survives', async () => {
    const session = await loggedIn('eng6');
    const results = await Promise.all([refreshWithBody(session.refreshToken), refreshWithBody(session.refreshToken)]);
    const winners = results.filter((result) => result.status === 200);
    expect(winners.length).toBeLessThanOrEqual(1);
    expect(results.map((result) => result.body)).toContainEqual(expect.objectContaining({ error: 'refresh_token_reused' }));
    for (const winner of winners) expect((await refreshWithBody(winner.body.refreshToken)).status).toBe(401);
  });

  it('refuses an unknown, a missing and an expired refresh token', async () => {
    const unknown = await refreshWithBody('A'.repeat(43));
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: 'unauthorized' });
    expect((await api.post<ErrorReply>('/api/auth/refresh')).status).toBe(401);

    const session = await loggedIn('dispatch1');
    offsetMs = (REFRESH_TOKEN_TTL_SECONDS + 60) * 1000;
    try {
      const expired = await refreshWithBody(session.refreshToken);
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({ error: 'unauthorized' });
    } finally {
      offsetMs = 0;
    }
  });
});

describe('POST /api/auth/logout', () => {
  it('revokes the cookie session and clears the cookie; idempotent', async () => {
    const cookie = refreshSetCookie(await login('dispatch2'));
    const logout = await api.post('/api/auth/logout', undefined, { cookie: cookie.pair });
    expect(logout.status).toBe(204);
    const cleared = refreshSetCookie(logout);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['path=/api/auth', 'expires=thu, 01 jan 1970 00:00:00 gmt']));

    expect((await refreshWithCookie(cookie.pair)).status).toBe(401);
    expect((await api.post('/api/auth/logout', undefined, { cookie: cookie.pair })).status).toBe(204);
    expect((await api.post('/api/auth/logout')).status).toBe(204);
  });

  it('revokes a body token and every token rotated from it', async () => {
    const first = await loggedIn('admin');
    const rotated = await refreshWithBody(first.refreshToken);
    expect((await api.post('/api/auth/logout', { refreshToken: first.refreshToken })).status).toBe(204);
    expect((await refreshWithBody(rotated.body.refreshToken)).status).toBe(401);
  });
});

describe('inactive users', () => {
  it('cannot log in (same reply as a wrong password), refresh, or use /me', async () => {
    const session = await loggedIn('site3');
    const stored = await server.store.get('users', 'user-site3');
    if (!stored) throw new Error('demo user site3 missing');
    const user = UserSchema.parse(stored.fields);
    await server.store.put('users', { ...user, active: false }, stored.acl, stored.rev);

    const attempt = await login('site3');
    expect(attempt.status).toBe(401);
    expect(attempt.body).toEqual((await login('nobody-here', 'x')).body);
    expect((await me(session.accessToken)).status).toBe(401);
  });

  it('answers a valid refresh token of a deactivated user with account_inactive, once, and revokes its family', async () => {
    const session = await loggedIn('site2');
    const stored = await server.store.get('users', 'user-site2');
    if (!stored) throw new Error('demo user site2 missing');
    await server.store.put('users', { ...UserSchema.parse(stored.fields), active: false }, stored.acl, stored.rev);

    const refused = await refreshWithBody(session.refreshToken);
    expect(refused.status).toBe(401);
    expect((refused.body as unknown as ErrorReply).error).toBe('account_inactive');
    // Revoked with its family: presented again it is just an invalid token, and tells nothing more.
    const again = await refreshWithBody(session.refreshToken);
    expect(again.status).toBe(401);
    expect((again.body as unknown as ErrorReply).error).toBe('unauthorized');
  });
});

describe('GET /api/auth/me with a bad access token', () => {
  const claims = { role: 'admin', sites: [] };
  const options = { issuer: 'field-service', audience: 'field-service-app', subject: 'user-admin' };
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('refuses missing, forged, alg=none, other-algorithm and wrong-audience tokens with 401', async () => {
    const secret = server.config.JWT_SECRET;
    const now = Math.floor(Date.now() / 1000);
    const tokens = {
      garbage: 'not.a.token',
      otherSecret: jwt.sign(claims, 'another-secret-another-secret-0123456789', { ...options, algorithm: 'HS256', expiresIn: 600 }),
      algNone: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, sub: 'user-admin', iss: options.issuer, aud: options.audience, exp: now + 600 })}.`,
      hs512: jwt.sign(claims, secret, { ...options, algorithm: 'HS512', expiresIn: 600 }),
      wrongAudience: jwt.sign(claims, secret, { ...options, audience: 'someone-else', algorithm: 'HS256', expiresIn: 600 }),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const response = await me(token);
      expect(response.status, name).toBe(401);
      expect(response.body, name).toMatchObject({ error: 'unauthorized' });
    }
    expect((await api.get('/api/auth/me')).status).toBe(401);
    // Sanity check: the same recipe with the right secret and algorithm is accepted.
    expect((await me(jwt.sign(claims, secret, { ...options, algorithm: 'HS256', expiresIn: 600 }))).status).toBe(200);
  });

  it('refuses an expired access token with token_expired', async () => {
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, server.config.JWT_SECRET, { ...options, algorithm: 'HS256' });
    const response = await me(expired);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: 'token_expired' });
  });
});

describe('login throttling (its own server: the per-IP counters live in one process)', () => {
  let throttled: TestServer;
  let client: TestApi;
  const { accountFailures, ipFailures, blockSeconds } = LOGIN_THROTTLE;

  beforeAll(async () => {
    // Behind a trusted proxy, so the test can speak from several addresses.
    throttled = await startTestServer({ env: { TRUST_PROXY: 'true' } });
    client = new TestApi(throttled.url);
  });
  afterAll(async () => {
    await throttled?.stop();
  });

  function expectBlocked(response: ApiResponse<ErrorReply>) {
    expect(response.status).toBe(429);
    expect(response.body).toMatchObject({ error: 'too_many_requests' });
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(blockSeconds);
  }

  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const attemptFrom = (ip: string, username: string, password: string) =>
    client.post<ErrorReply>('/api/auth/login', { username, password }, from(ip));

  it('blocks an account after 10 consecutive failures, from any addresses, even for the right password', async () => {
    for (let i = 0; i < accountFailures; i += 1) expect((await attemptFrom(`127.0.1.${i}`, 'eng1', 'wrong-password')).status).toBe(401);
    const rightPassword = await attemptFrom('127.0.1.200', 'eng1', 'demo1234');
    expectBlocked(rightPassword);
    // The right password gets exactly the reply a wrong one gets: a blocked account cannot be probed.
    expect((await attemptFrom('127.0.1.201', 'eng1', 'wrong-password')).body).toEqual(rightPassword.body);
    // Other accounts are not affected.
    expect((await attemptFrom('127.0.1.202', 'eng2', 'demo1234')).status).toBe(200);
  });

  it('blocks an address after 10 consecutive failures across accounts; other addresses are not affected', async () => {
    const accounts = ['eng3', 'eng4', 'eng5', 'eng6', 'site1'];
    for (let i = 0; i < ipFailures; i += 1) expect((await attemptFrom('127.0.2.1', accounts[i % accounts.length] ?? 'eng3', 'wrong')).status).toBe(401);
    expectBlocked(await attemptFrom('127.0.2.1', 'dispatch1', 'demo1234'));
    expect((await attemptFrom('127.0.2.2', 'dispatch1', 'demo1234')).status).toBe(200);
  });

  it('counts consecutive failures: a success starts the count over', async () => {
    for (let i = 0; i < ipFailures - 1; i += 1) expect((await attemptFrom('127.0.3.1', 'site2', 'wrong')).status).toBe(401);
    expect((await attemptFrom('127.0.3.1', 'site2', 'demo1234')).status).toBe(200);
    for (let i = 0; i < ipFailures - 1; i += 1) expect((await attemptFrom('127.0.3.1', 'site2', 'wrong')).status).toBe(401);
    expect((await attemptFrom('127.0.3.1', 'site2', 'demo1234')).status).toBe(200);
  });
});
