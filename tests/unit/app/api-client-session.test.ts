import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '@app/sync/api-client';
import { AuthError } from '@app/sync/errors';

type Reply = { status: number; body?: unknown };

/** A stand-in for the sync server's auth endpoints (the client under test is real); records what was sent. */
function serverAnswering(routes: Record<string, () => Reply>) {
  const sent: string[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
    const path = new URL(url, 'http://localhost').pathname;
    sent.push(`${init.method ?? 'GET'} ${path}`);
    const reply = routes[path]?.() ?? { status: 404, body: { error: 'not_found', message: 'no route' } };
    return Promise.resolve(new Response(JSON.stringify(reply.body ?? {}), { status: reply.status, headers: { 'content-type': 'application/json' } }));
  });
  return sent;
}

const session = (userId: string) => ({ status: 200, body: { accessToken: `token-of-${userId}`, refreshToken: 'r'.repeat(43), expiresIn: 900, user: { id: userId } } });

afterEach(() => vi.unstubAllGlobals());

describe('the API client when the session ends', () => {
  it('closes the sign-in gate with the server’s reason, and a renewal opens it again', async () => {
    let refresh: Reply = { status: 401, body: { error: 'account_inactive', message: 'This account has been deactivated' } };
    serverAnswering({ '/api/auth/refresh': () => refresh, '/api/sync/stream': () => ({ status: 200 }) });
    const api = new ApiClient();
    const heard: string[] = [];
    api.onSessionEnded((error) => heard.push(error.reason));
    await expect(api.authorizedFetch('/api/sync/stream')).rejects.toBeInstanceOf(AuthError);
    expect(heard).toEqual(['account_inactive']);
    expect(api.signInGate.ended?.reason).toBe('account_inactive');
    refresh = session('user-eng3');
    await api.authorizedFetch('/api/sync/stream');
    expect(api.signInGate.ended).toBeUndefined();
  });

  it('never uses another user’s token for the open session: not after their login, not after a renewal that returns them', async () => {
    let refresh = session('user-eng4');
    const sent = serverAnswering({ '/api/auth/login': () => session('user-eng4'), '/api/auth/refresh': () => refresh, '/api/sync/workOrders/push': () => ({ status: 200, body: [] }) });
    const api = new ApiClient();
    api.setOwner('user-eng3');
    await api.login('eng4', 'demo1234');
    await expect(api.request('/api/sync/workOrders/push', { method: 'POST' })).rejects.toBeInstanceOf(AuthError);
    expect(sent).toEqual(['POST /api/auth/login']);

    const other = new ApiClient();
    other.setOwner('user-eng3');
    await expect(other.request('/api/sync/workOrders/push', { method: 'POST' })).rejects.toBeInstanceOf(AuthError);
    expect(sent.filter((line) => line.endsWith('/push'))).toEqual([]);

    // Once the new user's session is the open one, their token is used.
    other.setOwner('user-eng4');
    refresh = session('user-eng4');
    await expect(other.request('/api/sync/workOrders/push', { method: 'POST' })).resolves.toEqual([]);
  });
});
