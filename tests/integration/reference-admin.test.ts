import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyDoc } from '@shared/schemas/collections';
import { loginAs, type TestApi } from '../helpers/api-client';
import { buildCategory, buildSite } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** Sites and categories are edited by admins through the sync (the Sites and Categories screens). */
type ErrorReply = { error: string; message: string; field?: string };

let server: TestServer;
let admin: TestApi;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, 'admin');
});
afterAll(() => server?.stop());

const storedOf = async (api: TestApi, collection: 'sites' | 'categories', id: string) => (await pullAll(api, collection, 1000)).documents.find((doc: AnyDoc) => doc.id === id);

describe('admins push sites and categories; nobody else may', () => {
  it('accepts an admin’s new site and edit, and every role then reads it', async () => {
    const site = buildSite({ id: 'site-new-lis', code: 'LIS-AV', name: 'Lisbon Avenida', timezone: 'Europe/Lisbon' });
    expect((await pushRows(admin, 'sites', [{ newDocumentState: site }])).body).toEqual([]);
    const stored = await storedOf(admin, 'sites', site.id);
    const moved = { ...stored, address: 'Avenida da Liberdade 2, Lisbon', timezone: 'Atlantic/Azores' };
    expect((await pushRows(admin, 'sites', [{ assumedMasterState: stored, newDocumentState: moved }])).body).toEqual([]);
    for (const username of ['dispatch1', 'eng1']) {
      expect(await storedOf(await loginAs(server.url, username), 'sites', site.id)).toMatchObject({ code: 'LIS-AV', timezone: 'Atlantic/Azores' });
    }
  });

  it('accepts an admin’s new category', async () => {
    const category = buildCategory({ id: 'cat-new-roofing', name: 'Roofing', skills: ['roofing'], defaultPriority: 'low' });
    expect((await pushRows(admin, 'categories', [{ newDocumentState: category }])).body).toEqual([]);
    expect(await storedOf(await loginAs(server.url, 'dispatch1'), 'categories', category.id)).toMatchObject({ name: 'Roofing' });
  });

  it('refuses sites and categories from dispatchers, engineers and site managers, storing nothing', async () => {
    for (const username of ['dispatch1', 'eng1', 'site1']) {
      const api = await loginAs(server.url, username);
      const site = buildSite({ id: `site-by-${username}`, code: `BY-${username.toUpperCase()}` });
      const category = buildCategory({ id: `cat-by-${username}`, name: `By ${username}` });
      expect((await pushRows(api, 'sites', [{ newDocumentState: site }])).status, username).toBe(403);
      expect((await pushRows(api, 'categories', [{ newDocumentState: category }])).status, username).toBe(403);
      const seeded = await storedOf(api, 'sites', 'site-lon');
      expect((await pushRows(api, 'sites', [{ assumedMasterState: seeded, newDocumentState: { ...seeded, name: 'Renamed' } }])).status, username).toBe(403);
      expect(await storedOf(admin, 'sites', site.id)).toBeUndefined();
      expect(await storedOf(admin, 'categories', category.id)).toBeUndefined();
    }
    expect(await storedOf(admin, 'sites', 'site-lon')).toMatchObject({ name: 'London Canary Wharf' });
  });
});

describe('a site’s code and a category’s name name one of them', () => {
  it('refuses a new site with another site’s code, naming the field, and stores nothing', async () => {
    const response = await pushRows(admin, 'sites', [{ newDocumentState: buildSite({ id: 'site-dup-1', code: 'LON-CW' }) }]);
    expect(response.status).toBe(409);
    expect(response.body as unknown as ErrorReply).toMatchObject({ error: 'conflict', field: '[0].newDocumentState.code', message: expect.stringContaining('site-lon') });
    expect(await storedOf(admin, 'sites', 'site-dup-1')).toBeUndefined();
  });

  it('refuses two new sites with one code in the same push', async () => {
    const rows = [{ newDocumentState: buildSite({ id: 'site-dup-2', code: 'DUP-01' }) }, { newDocumentState: buildSite({ id: 'site-dup-3', code: 'DUP-01' }) }];
    const response = await pushRows(admin, 'sites', rows);
    expect(response.status).toBe(409);
    expect((response.body as unknown as ErrorReply).field).toBe('[1].newDocumentState.code');
  });

  it('refuses a category named like another in any case, naming the field', async () => {
    const response = await pushRows(admin, 'categories', [{ newDocumentState: buildCategory({ id: 'cat-dup-1', name: ' hvac ' }) }]);
    expect(response.status).toBe(409);
    expect(response.body as unknown as ErrorReply).toMatchObject({ field: '[0].newDocumentState.name', message: expect.stringContaining('cat-hvac') });
    expect(await storedOf(admin, 'categories', 'cat-dup-1')).toBeUndefined();
  });

  it('accepts edits that keep a document’s own code or name, a replay, and a code freed by a deletion', async () => {
    const hvac = await storedOf(admin, 'categories', 'cat-hvac');
    const recased = { ...hvac, name: 'Hvac', description: 'Heating and cooling' };
    expect((await pushRows(admin, 'categories', [{ assumedMasterState: hvac, newDocumentState: recased }])).body).toEqual([]);
    const site = buildSite({ id: 'site-freed', code: 'FREE-01' });
    expect((await pushRows(admin, 'sites', [{ newDocumentState: site }])).body).toEqual([]);
    expect((await pushRows(admin, 'sites', [{ newDocumentState: site }])).status).toBe(200);
    const stored = await storedOf(admin, 'sites', site.id);
    expect((await pushRows(admin, 'sites', [{ assumedMasterState: stored, newDocumentState: { ...stored, _deleted: true } }])).body).toEqual([]);
    expect((await pushRows(admin, 'sites', [{ newDocumentState: buildSite({ id: 'site-freed-again', code: 'FREE-01' }) }])).body).toEqual([]);
  });

  it('accepts an edit that keeps its code beside a duplicate an older server let in, and a swap of codes in one push', async () => {
    // Written straight to the store, as a server before this rule accepted it.
    await server.store.put('sites', buildSite({ id: 'site-legacy-dup', code: 'LON-CW' }) as AnyDoc, { readers: ['*'], formerReaders: [] });
    const london = await storedOf(admin, 'sites', 'site-lon');
    expect((await pushRows(admin, 'sites', [{ assumedMasterState: london, newDocumentState: { ...london, address: '1 Canada Square, London' } }])).body).toEqual([]);
    const a = buildSite({ id: 'site-swap-a', code: 'SWAP-A' });
    const b = buildSite({ id: 'site-swap-b', code: 'SWAP-B' });
    expect((await pushRows(admin, 'sites', [{ newDocumentState: a }, { newDocumentState: b }])).body).toEqual([]);
    const [storedA, storedB] = [await storedOf(admin, 'sites', a.id), await storedOf(admin, 'sites', b.id)];
    const swap = [
      { assumedMasterState: storedA, newDocumentState: { ...storedA, code: 'SWAP-B' } },
      { assumedMasterState: storedB, newDocumentState: { ...storedB, code: 'SWAP-A' } },
    ];
    expect((await pushRows(admin, 'sites', swap)).body).toEqual([]);
  });
});
