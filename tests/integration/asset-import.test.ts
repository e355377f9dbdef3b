import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '@shared/schemas/misc';
import type { Asset } from '@shared/schemas/asset';
import { ASSET_IMPORT_PATH, type AssetImportResult } from '@shared/sync/asset-import-protocol';
import { loginAs, type TestApi } from '../helpers/api-client';
import { pullAll } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

type Problems = { error: string; message: string; field?: string; problems: { field: string; message: string }[] };

let server: TestServer;
let admin: TestApi;
let dispatcher: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, 'admin');
  dispatcher = await loginAs(server.url, 'dispatch1');
});
afterAll(async () => {
  await server?.stop();
});

const header = 'tag,site,name,category,manufacturer,model,serialNumber,status,criticality,lat,lng';
const liveAssets = async () => ((await pullAll(admin, 'assets', 1000)).documents as Asset[]).filter((asset) => !asset._deleted);
const storedTags = async () => new Set((await liveAssets()).map((asset) => asset.tag));

describe('importing assets from a CSV file', () => {
  it('creates every row as an asset, audited, that devices pull; commas and quotes in cells survive', async () => {
    const csv = [
      header,
      'IMP-0001,LON-CW,"Chiller, north roof",HVAC,Carrier,30XA,SN-1,,4,51.5050,-0.0190',
      'IMP-0002,site-ber,"Pump ""B""",Plumbing,Grundfos,CR 10,SN-2,degraded,,,',
      ',,,,,,,,,,',
    ].join('\r\n');
    const response = await dispatcher.post<AssetImportResult>(ASSET_IMPORT_PATH, { csv });
    expect(response.status).toBe(201);
    expect(response.body.created.map((asset) => asset.tag)).toEqual(['IMP-0001', 'IMP-0002']);

    const pulled = (await liveAssets()).filter((asset) => asset.tag.startsWith('IMP-'));
    expect(pulled).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tag: 'IMP-0001', siteId: 'site-lon', name: 'Chiller, north roof', status: 'operational', criticality: 4, location: { lat: 51.505, lng: -0.019 } }),
        expect.objectContaining({ tag: 'IMP-0002', siteId: 'site-ber', name: 'Pump "B"', status: 'degraded', criticality: 3 }),
      ]),
    );
    expect(pulled.find((asset) => asset.tag === 'IMP-0002')).not.toHaveProperty('location');
    const activities = (await pullAll(admin, 'activities', 1000)).documents as Activity[];
    const ids = new Set(response.body.created.map((asset) => asset.id));
    expect(activities.filter((activity) => ids.has(activity.subjectId))).toHaveLength(2);
  });

  it('names every bad cell by row and column and stores nothing, not even the good rows', async () => {
    const before = await storedTags();
    const csv = [
      header,
      'IMP-0100,LON-CW,Boiler,HVAC,,,,,,,', // good
      'imp-0101,LON-CW,Boiler 2,HVAC,,,,,,,', // lower case tag
      'IMP-0102,NOWHERE,Boiler 3,HVAC,,,,broken,9,,', // unknown site, bad status, criticality out of range
      'IMP-0100,BER-AP,Twin,HVAC,,,,,,51.5,', // tag again in the file; lat without lng
      'IMP-0001,BER-AP,Taken,HVAC,,,,,,,', // tag an asset already has
      'IMP-0104,BER-AP,,HVAC,,,,,high,,', // no name, criticality not a number
    ].join('\n');
    const response = await admin.post<Problems>(ASSET_IMPORT_PATH, { csv });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('validation_failed');
    expect(response.body.field).toBe('rows[3].tag');
    expect(response.body.message).toMatch(/^Nothing was imported: rows\[3\]\.tag: .*\(and \d+ more\)$/);
    const byField = Object.fromEntries(response.body.problems.map((problem) => [problem.field, problem.message]));
    expect(byField).toMatchObject({
      'rows[3].tag': expect.stringMatching(/uppercase/i),
      'rows[4].site': expect.stringContaining('NOWHERE'),
      'rows[4].status': expect.stringContaining('broken'),
      'rows[4].criticality': expect.stringContaining('At most 5'),
      'rows[5].tag': 'tag IMP-0100 is also on row 2',
      'rows[5].lng': 'give both lat and lng, or neither',
      'rows[6].tag': expect.stringContaining('already used by asset "Chiller, north roof"'),
      'rows[7].name': 'Required.',
      'rows[7].criticality': '"high" is not a number',
    });
    expect(await storedTags()).toEqual(before);
  });

  it('checks the columns before the rows, and a dry run reports without storing', async () => {
    const missing = await admin.post<Problems>(ASSET_IMPORT_PATH, { csv: 'tag,site,title,category\nIMP-0200,LON-CW,Fan,HVAC' });
    expect(missing.status).toBe(400);
    expect(missing.body.problems.map((problem) => problem.field)).toEqual(['columns.title', 'columns.name']);

    const dry = await admin.post<AssetImportResult>(ASSET_IMPORT_PATH, { csv: 'TAG,Site,Name,Category\nIMP-0201,LON-CW,Fan,HVAC', dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: [expect.objectContaining({ tag: 'IMP-0201', siteId: 'site-lon' })] });
    expect(await storedTags()).not.toContain('IMP-0201');

    const empty = await admin.post<Problems>(ASSET_IMPORT_PATH, { csv: header });
    expect(empty.status).toBe(400);
    expect(empty.body.field).toBe('rows');
    const noFile = await admin.post<Problems>(ASSET_IMPORT_PATH, { csv: '' });
    expect(noFile.body).toMatchObject({ error: 'validation_failed', field: 'csv' });
  });

  it('lists at most 200 problems of a file wrong in every row, and says how many there are', async () => {
    const rows = Array.from({ length: 300 }, (_, index) => `bad-${index},LON-CW,Fan,HVAC,,,,,,,`);
    const response = await admin.post<Problems>(ASSET_IMPORT_PATH, { csv: [header, ...rows].join('\n') });
    expect(response.status).toBe(400);
    expect(response.body.problems).toHaveLength(200);
    expect(response.body.message).toContain('(and 299 more; the first 200 are listed)');
  });

  it('is refused to engineers and site managers', async () => {
    for (const username of ['eng1', 'site1']) {
      const api = await loginAs(server.url, username);
      const response = await api.post<Problems>(ASSET_IMPORT_PATH, { csv: `${header}\nIMP-0300,LON-CW,Fan,HVAC,,,,,,,` });
      expect(response.status).toBe(403);
    }
    expect(await storedTags()).not.toContain('IMP-0300');
  });
});
