import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { Asset } from '@shared/schemas/asset';
import { loginAs } from '../helpers/api-client';
import { pullAll } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser } from './browser';
import { startE2eServer } from './e2e-server';
import { LoginPage } from './page-models/login-page';
import { SyncStatus } from './page-models/sync-status';

const LONG = { timeout: 60_000 };

let server: TestServer;
let baseURL: string;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ({ server, baseURL } = await startE2eServer());
  browser = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const header = 'tag,site,name,category,manufacturer,model,serialNumber,status,criticality,lat,lng';
const csvFile = (name: string, rows: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });

async function serverTags(): Promise<Set<string>> {
  const admin = await loginAs(server.url, 'admin');
  return new Set(((await pullAll(admin, 'assets', 1000)).documents as Asset[]).filter((asset) => !asset._deleted).map((asset) => asset.tag));
}

describe('importing assets from a CSV file', () => {
  it('lists every problem by row and column and stores nothing; the fixed file imports, and the new assets arrive selected for labels', async () => {
    context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await new LoginPage(page).signIn('dispatch1');
    await new SyncStatus(page).waitForCaughtUp();
    await page.goto('/labels');
    await page.getByRole('link', { name: 'Import assets from a CSV file' }).click();
    await expect.poll(() => page.url()).toContain('/assets/import');

    const input = page.getByTestId('import-file');
    await input.setInputFiles(csvFile('register.csv', ['E2E-0001,LON-CW,Chiller,HVAC,,,,,,,', 'e2e-0002,NOWHERE,Pump,Plumbing,,,,,,,']));
    const problems = page.getByTestId('import-problems');
    await problems.waitFor(LONG);
    expect(await problems.textContent()).toContain('Nothing was imported');
    expect(await problems.getByRole('row', { name: /Row 3, tag/ }).textContent()).toMatch(/uppercase/i);
    expect(await problems.getByRole('row', { name: /Row 3, site/ }).textContent()).toContain('NOWHERE');
    expect(await serverTags()).not.toContain('E2E-0001');

    await input.setInputFiles(csvFile('register-fixed.csv', ['E2E-0001,LON-CW,Chiller,HVAC,,,,,,,', 'E2E-0002,BER-AP,Pump,Plumbing,,,,,,,']));
    await page.getByTestId('import-ready').waitFor(LONG);
    expect(await page.getByTestId('import-ready').textContent()).toContain('2 assets ready to import');
    await page.getByRole('button', { name: 'Import 2 assets' }).click();
    await page.getByTestId('import-done').waitFor(LONG);
    const stored = await serverTags();
    expect(stored).toContain('E2E-0001');
    expect(stored).toContain('E2E-0002');

    // The new assets reach this device by the sync and arrive selected on the labels page.
    await page.getByRole('button', { name: 'Print their labels' }).click();
    await page.getByText('2 selected').waitFor(LONG);
    expect(await page.getByRole('button', { name: 'Print 2 labels' }).isEnabled()).toBe(true);
  }, 120_000);
});
