import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Asset } from '@shared/schemas/asset';
import type { Category } from '@shared/schemas/misc';
import { USERS_ADMIN_PATH } from '@shared/sync/user-admin-protocol';
import { loginAs, TestApi } from '../helpers/api-client';
import { buildAsset, buildCategory } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser } from './browser';
import { serverCopy, startE2eServer } from './e2e-server';
import { ConflictsPage } from './page-models/conflicts-page';
import { CategoriesAdmin } from './page-models/reference-admin';
import { deskReadyToGoOffline } from './page-models/ready-to-go-offline';
import { ScanScreens } from './page-models/scan-page';

/**
 * A change the server will never take must not hold back the rest (docs/decisions.md, "A change
 * the server refuses does not hold back the rest"): in Chromium, what
 * tests/integration/refused-push.test.ts checks through the sync layer under Node, with refusals
 * the screens let a person run into: a new asset's tag another dispatcher registered first (a
 * document the server never had: it goes whole), and a category's name another admin took (a
 * field of a document the server has: only that field goes back, the rest of the edit syncs).
 */
const LONG = { timeout: 60_000 };
const AT_LONDON = { site: 'London Canary Wharf', category: 'HVAC' };

let server: TestServer;
let baseURL: string;
let browser: Browser;
let admin: TestApi;

beforeAll(async () => {
  ({ server, baseURL } = await startE2eServer());
  browser = await launchBrowser();
  admin = await loginAs(server.url, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The live assets the server holds under a tag. */
async function serverAssetsTagged(tag: string): Promise<Asset[]> {
  return ((await pullAll(admin, 'assets', 1000)).documents as Asset[]).filter((asset) => asset.tag === tag && !asset._deleted);
}

describe('a change the server refuses', () => {
  it('is rolled back and listed with the server’s reason, while the other offline change and later ones sync', async () => {
    const run = Date.now();
    const [takenTag, freeTag, laterTag] = [`AST-E2E-${run}-A`, `AST-E2E-${run}-B`, `AST-E2E-${run}-C`] as const;
    const { context, page, sync } = await deskReadyToGoOffline(browser, baseURL, 'dispatch1');

    // Offline, the desk registers two new pieces of equipment from their labels.
    await context.setOffline(true);
    await sync.waitForState('offline');
    const screens = new ScanScreens(page);
    await screens.registerAsset(takenTag, { name: 'Temporary chiller', ...AT_LONDON });
    await screens.registerAsset(freeTag, { name: 'Spare pump', ...AT_LONDON });
    await sync.waitForPending(2);

    // Meanwhile another dispatcher registers other equipment under the first tag.
    const other = buildAsset({ id: `asset-e2e-${run}`, tag: takenTag, name: 'Roof extractor fan', siteId: 'site-lon', category: 'HVAC' });
    expect((await pushRows(await loginAs(server.url, 'dispatch2'), 'assets', [{ newDocumentState: other }])).body).toEqual([]);

    // Back online: the refused registration does not hold back the other one.
    await context.setOffline(false);
    await expect.poll(async () => (await serverAssetsTagged(freeTag)).map((asset) => asset.name), LONG).toEqual(['Spare pump']);
    await sync.waitForPending(0, 0, 60_000);
    expect((await serverAssetsTagged(takenTag)).map((asset) => asset.id)).toEqual([other.id]);

    // Rolled back on the device: the tag now opens the equipment the server has under it.
    await page.goto(`/a/${takenTag}`);
    await screens.waitForAsset(takenTag);
    await page.getByRole('heading', { name: 'Roof extractor fan', level: 1 }).waitFor(LONG);

    // Listed under Conflicts with the server's reason, and nothing to apply: it would be refused again.
    const inbox = new ConflictsPage(page);
    expect(await inbox.badgeCount()).toBe(1);
    await inbox.open();
    await expect.poll(() => inbox.conflicts().count(), LONG).toBe(1);
    const refused = inbox.conflicts().first();
    expect(await refused.innerText()).toContain('Not accepted by the server');
    expect(await refused.innerText()).toContain(`tag ${takenTag} is already used by asset "Roof extractor fan"`);
    expect(await refused.getByRole('button', { name: 'Apply mine instead' }).count()).toBe(0);
    // Said as a new record the server did not store, with what was entered in words: not a deletion, not stored keys.
    const group = page.getByTestId('conflict-group').first();
    expect(await group.innerText()).toContain('The server did not store this new record');
    expect(await group.innerText()).not.toMatch(/deleted|createdAt|type: asset/);
    expect(await inbox.values('change')).toEqual({ mine: expect.stringContaining('Name: Temporary chiller'), theirs: '— (not on the server)', result: '— (not stored)' });

    // Settled: a later change syncs as usual.
    await screens.registerAsset(laterTag, { name: 'Condenser unit', ...AT_LONDON });
    await expect.poll(async () => (await serverAssetsTagged(laterTag)).map((asset) => asset.name), LONG).toEqual(['Condenser unit']);
    await sync.waitForPending(0, 0, 60_000);
    await context.close();
  });

  it('in a document the server has, only the refused field is rolled back: the rest of the edit syncs, and nothing is offered to apply', async () => {
    const plumbing = ((await pullAll(admin, 'categories', 1000)).documents as Category[]).find((category) => category.name === 'Plumbing');
    if (!plumbing) throw new Error('no Plumbing category in the demo data');
    const { context, page, sync } = await deskReadyToGoOffline(browser, baseURL, 'admin');
    const categories = new CategoriesAdmin(page);
    await categories.open();
    await categories.card('Plumbing').waitFor(LONG);

    // Offline, the admin renames a category and rewords its description in one save.
    await context.setOffline(true);
    await sync.waitForState('offline');
    const description = 'Water supply, drainage, pumps, water heaters and leak detection';
    expect(await categories.edit('Plumbing', { name: 'Water & drainage', description })).toEqual([expect.stringContaining('Saved')]);
    await sync.waitForPending(1);

    // Meanwhile a second admin adds a category under that name.
    const run = Date.now();
    const second = { username: `admin-e2e-${run}`, fullName: 'Ines Duarte', email: `ines-${run}@example.com`, role: 'admin', siteIds: [], skills: [], password: 'correct horse battery' };
    expect((await admin.post(USERS_ADMIN_PATH, second)).status).toBe(201);
    const colleague = await new TestApi(server.url).login(second.username, second.password);
    const added = buildCategory({ id: `cat-e2e-${run}`, name: 'Water & drainage', description: 'Drains and gullies', skills: ['plumbing'] });
    expect((await pushRows(colleague, 'categories', [{ newDocumentState: added }])).body).toEqual([]);

    // Back online: the description reaches the server, the name stays as it was.
    await context.setOffline(false);
    await expect.poll(async () => (await serverCopy(admin, 'categories', plumbing.id))?.description, LONG).toBe(description);
    expect((await serverCopy(admin, 'categories', plumbing.id))?.name).toBe('Plumbing');
    await sync.waitForPending(0, 0, 60_000);
    // Rolled back on the device: the category is listed under its old name again, and its open
    // form shows the name kept (saving again must not resend the refused one).
    await categories.card('Plumbing').waitFor(LONG);
    await expect.poll(() => categories.card('Plumbing').getByLabel('Name', { exact: true }).inputValue(), LONG).toBe('Plumbing');
    expect(await categories.card('Plumbing').getByLabel('Description').inputValue()).toBe(description);

    const inbox = new ConflictsPage(page);
    expect(await inbox.badgeCount()).toBe(1);
    await inbox.open();
    await expect.poll(() => inbox.conflicts().count(), LONG).toBe(1);
    expect(await inbox.values('name')).toEqual({ mine: 'Water & drainage', theirs: 'Plumbing', result: 'Plumbing' });
    expect(await inbox.conflict('name').innerText()).toContain('name Water & drainage is already used by category "Water & drainage"');
    // Headed by the category as it stands, not by the refused name.
    expect(await page.getByTestId('conflict-group').first().getByRole('heading', { level: 2 }).innerText()).toBe('Plumbing');
    expect(await inbox.conflict('name').getByRole('button', { name: 'Apply mine instead' }).count()).toBe(0);

    // Settled: the admin names it in a way the server takes, and that syncs.
    await categories.open();
    expect(await categories.edit('Plumbing', { name: 'Plumbing & drainage' })).toEqual([expect.stringContaining('Saved')]);
    await expect.poll(async () => (await serverCopy(admin, 'categories', plumbing.id))?.name, LONG).toBe('Plumbing & drainage');
    expect((await serverCopy(admin, 'categories', plumbing.id))?.description).toBe(description);
    await sync.waitForPending(0, 0, 60_000);
    await context.close();
  });
});
