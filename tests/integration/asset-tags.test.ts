import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '@shared/schemas/asset';
import { loginAs, type TestApi } from '../helpers/api-client';
import { buildAsset } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let dispatcher: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  dispatcher = await loginAs(server.url, 'dispatch1');
});
afterAll(() => server?.stop());

const newAsset = (id: string, tag: string) => buildAsset({ id, tag, siteId: 'site-lon' });

describe('asset tags are unique (a label names one asset)', () => {
  it('refuses a new asset with a tag another asset has, naming the field, and stores nothing', async () => {
    const response = await pushRows(dispatcher, 'assets', [{ newDocumentState: newAsset('asset-new-1', 'AST-LON-0001') }]);
    expect(response.status).toBe(409);
    // The holder by its name as well as its id: the message reaches people (the conflicts inbox).
    expect(response.body).toMatchObject({ error: 'conflict', field: '[0].newDocumentState.tag', message: expect.stringMatching(/already used by asset ".+" \(asset-lon-0001\)$/) });
    const assets = (await pullAll(dispatcher, 'assets', 1000)).documents as Asset[];
    expect(assets.some((asset) => asset.id === 'asset-new-1')).toBe(false);
  });

  it('refuses two new assets with one tag in the same push', async () => {
    const response = await pushRows(dispatcher, 'assets', [{ newDocumentState: newAsset('asset-new-2', 'AST-NEW-0001') }, { newDocumentState: newAsset('asset-new-3', 'AST-NEW-0001') }]);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ field: '[1].newDocumentState.tag' });
  });

  it('accepts a new tag, a replay of it, and edits that keep an asset’s own tag', async () => {
    const asset = newAsset('asset-new-4', 'AST-NEW-0004');
    expect((await pushRows(dispatcher, 'assets', [{ newDocumentState: asset }])).body).toEqual([]);
    expect((await pushRows(dispatcher, 'assets', [{ newDocumentState: asset }])).status).toBe(200);
    const stored = ((await pullAll(dispatcher, 'assets', 1000)).documents as Asset[]).find((candidate) => candidate.id === 'asset-new-4');
    expect(stored).toBeDefined();
    const renamed = { ...stored, name: 'Renamed chiller' };
    expect((await pushRows(dispatcher, 'assets', [{ assumedMasterState: stored, newDocumentState: renamed }])).body).toEqual([]);
  });
});
