import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditBody, AuditRecord } from '@shared/schemas/audit';
import { loginAs, TestApi } from '../helpers/api-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let site1: TestApi;
let site2: TestApi;
let dispatcher: TestApi;
let engineer: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  [site1, site2, dispatcher, engineer] = await Promise.all([loginAs(server.url, 'site1'), loginAs(server.url, 'site2'), loginAs(server.url, 'dispatch1'), loginAs(server.url, 'eng1')]);
});
afterAll(() => server?.stop());

function buildAuditBody(overrides: Partial<AuditBody> = {}): AuditBody {
  return {
    siteId: 'site-lon',
    startedAt: '2026-03-02T09:00:00.000Z',
    scans: [
      { code: 'AST-LON-0001', assetId: 'asset-lon-0001', result: 'found', at: '2026-03-02T09:01:00.000Z' },
      { code: 'AST-NYC-0001', assetId: 'asset-nyc-0001', result: 'wrong_site', at: '2026-03-02T09:02:00.000Z' },
      { code: 'NOT-A-TAG', result: 'unknown', at: '2026-03-02T09:03:00.000Z' },
    ],
    missingAssetIds: [],
    ...overrides,
  };
}

const put = (api: TestApi, id: string, body: unknown) => api.request<AuditRecord>('PUT', `/api/audits/${id}`, body);

describe('asset audits API', () => {
  it('stores an audit with server-owned author and times, and reads it back', async () => {
    const created = await put(site1, 'audit-1', { ...buildAuditBody(), createdBy: 'user-admin', createdAt: '2000-01-01T00:00:00.000Z' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'audit-1', createdBy: 'user-site1', siteId: 'site-lon' });
    expect(created.body.createdAt).not.toBe('2000-01-01T00:00:00.000Z');

    const finished = buildAuditBody({ finishedAt: '2026-03-02T10:00:00.000Z', missingAssetIds: ['asset-lon-0002'] });
    const updated = await put(site1, 'audit-1', finished);
    expect(updated.status).toBe(200);
    expect(updated.body.createdAt).toBe(created.body.createdAt);

    const read = await site1.get<AuditRecord>('/api/audits/audit-1');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ ...finished, id: 'audit-1', createdBy: 'user-site1' });
    // A replayed PUT changes nothing but the server's timestamp.
    expect((await put(site1, 'audit-1', finished)).body).toMatchObject(finished);
  });

  it('needs a signed-in user', async () => {
    const anonymous = new TestApi(server.url);
    expect((await put(anonymous, 'audit-anon', buildAuditBody())).status).toBe(401);
    expect((await anonymous.get('/api/audits/audit-1')).status).toBe(401);
  });

  it('lets the desk and the site manager read it, and nobody else', async () => {
    expect((await dispatcher.get('/api/audits/audit-1')).status).toBe(200);
    const stranger = await site2.get('/api/audits/audit-1');
    expect(stranger.status).toBe(403);
    expect((await engineer.get('/api/audits/audit-1')).status).toBe(403);
    expect((await dispatcher.get('/api/audits/no-such-audit')).status).toBe(404);
  });

  it('refuses a site manager auditing another site, and changes to someone else’s audit', async () => {
    const otherSite = await put(site2, 'audit-2', buildAuditBody());
    expect(otherSite.status).toBe(403);
    expect(otherSite.body).toMatchObject({ error: 'forbidden', field: 'siteId' });
    expect((await put(engineer, 'audit-1', buildAuditBody())).status).toBe(403);
    expect((await engineer.request('PUT', '/api/audits/audit-eng', buildAuditBody())).status).toBe(201);
  });

  it.each([
    ['a scan with an unknown result', buildAuditBody({ scans: [{ code: 'X', result: 'lost' as never, at: '2026-03-02T09:00:00.000Z' }] }), 'scans[0].result'],
    ['a scan without a code', buildAuditBody({ scans: [{ code: ' ', result: 'unknown', at: '2026-03-02T09:00:00.000Z' }] }), 'scans[0].code'],
    ['a bad start time', buildAuditBody({ startedAt: 'yesterday' }), 'startedAt'],
    ['no site', { ...buildAuditBody(), siteId: undefined }, 'siteId'],
    ['a site that does not exist', buildAuditBody({ siteId: 'site-atlantis' }), 'siteId'],
    ['missing assets that are not a list', { ...buildAuditBody(), missingAssetIds: 'all' }, 'missingAssetIds'],
  ])('bad input: %s is a 400 naming %s and stores nothing', async (_name, body, field) => {
    const response = await put(dispatcher, 'audit-bad', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'validation_failed', field, message: expect.stringContaining(field) });
    expect((await dispatcher.get('/api/audits/audit-bad')).status).toBe(404);
  });

  it('a bad id in the URL is a 400 naming id', async () => {
    const response = await put(dispatcher, '_design', buildAuditBody());
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ field: 'id' });
  });
});
