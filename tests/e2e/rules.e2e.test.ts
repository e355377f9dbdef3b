import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Ticket, User } from '@shared/schemas';
import { RULES_ADMIN_PATH, type RuleSetResponse } from '@shared/sync/rules-admin-protocol';
import { loginAs } from '../helpers/api-client';
import { buildTicket } from '../helpers/factories';
import { pullAll, pushRows } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newDesktopContext } from './browser';
import { startE2eServer } from './e2e-server';
import { LoginPage } from './page-models/login-page';
import { RulesAdmin } from './page-models/rules-admin';
import { SyncStatus } from './page-models/sync-status';

let server: TestServer;
let baseURL: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, baseURL } = await startE2eServer());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the admin’s rules', () => {
  it('edits who hears of a breach and adds an assignment rule, which then assigns a site manager’s new ticket', async () => {
    const context = await newDesktopContext(browser, baseURL);
    const page = await context.newPage();
    await new LoginPage(page).signIn('admin');
    const sync = new SyncStatus(page);
    // The engineers, sites and categories the rules name come from the device's copy.
    await sync.waitForCaughtUp();
    const rules = new RulesAdmin(page);
    await rules.open();

    // Breaches go to the admins instead of the dispatchers.
    await rules.setTold('breach', 'Dispatchers', false);
    await rules.setTold('breach', 'Admins', true);
    // A rule with no name is named as the problem, beside its input, before anything is sent.
    const rule = await rules.addRule({ name: ' ', categories: ['HVAC'], sites: ['London Canary Wharf'], engineer: 'Erin Engel' });
    expect(await rules.save()).toEqual(['Required.']);
    await rule.getByLabel('Rule name').fill('London HVAC to Erin');
    expect(await rules.save()).toEqual([expect.stringContaining('Saved at')]);

    // A rule naming an engineer who is deactivated meanwhile: the server's 400 shows on that rule's engineer.
    const leaver = await rules.addRule({ name: 'Lifts to Eli', categories: ['Lifts'], engineer: 'Eli Novak' });
    const admin = await loginAs(server.url, 'admin');
    const eli = (await pullAll(admin, 'users', 1000)).documents.find((doc): doc is User => doc.id === 'user-eng2');
    expect((await pushRows(admin, 'users', [{ assumedMasterState: eli, newDocumentState: { ...eli, active: false } }])).body).toEqual([]);
    expect(await rules.save()).toEqual(['Eli Novak is inactive']);
    expect(await leaver.getByLabel('Assign to').getAttribute('aria-invalid')).toBe('true');
    await leaver.getByRole('button', { name: 'Delete rule' }).click();

    // Offline the screen says it needs the server, and keeps the edits until it can save them.
    await context.setOffline(true);
    await page.getByTestId('rules-offline').waitFor();
    await rules.setTold('escalate2', 'Dispatchers', true);
    expect(await rules.save()).toEqual([expect.stringMatching(/offline.*Your edits stay here/)]);
    await context.setOffline(false);
    await page.getByTestId('rules-offline').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await rules.threshold('escalate2').getByRole('group', { name: 'Tell', exact: true }).getByRole('checkbox', { name: 'Dispatchers' }).isChecked()).toBe(true);
    expect(await rules.save()).toEqual([expect.stringContaining('Saved at')]);

    const stored = (await admin.get<RuleSetResponse>(RULES_ADMIN_PATH)).body;
    expect(stored.escalation.breach.groups).toEqual(['assignee', 'site_managers', 'admins']);
    expect(stored.escalation.escalate2.groups).toEqual(['dispatchers', 'admins']);
    expect(stored.assignment).toEqual([expect.objectContaining({ name: 'London HVAC to Erin', enabled: true, match: { categories: ['HVAC'], siteIds: ['site-lon'], priorities: [] }, action: { kind: 'engineer', engineerId: 'user-eng1' } })]);

    // A site manager reports a fault through the API: the rule assigns it on arrival…
    const siteManager = await loginAs(server.url, 'site1');
    const report = buildTicket({ id: `tck-e2e-rules-${Date.now()}`, number: 'TCK-000000', title: 'Chiller alarm on level 3', category: 'HVAC', siteId: 'site-lon', reportedBy: 'user-site1', slaPolicyId: 'sla-high', priority: 'high' });
    expect((await pushRows(siteManager, 'tickets', [{ newDocumentState: report }])).body).toEqual([]);
    const assigned = (await pullAll(siteManager, 'tickets', 1000)).documents.find((doc): doc is Ticket => doc.id === report.id);
    expect(assigned).toMatchObject({ status: 'assigned', assigneeId: 'user-eng1' });

    // …and the desk's ticket page says which rule did it.
    await page.goto(`/tickets/${report.id}`);
    const byRule = page.getByTestId('activity').filter({ hasText: 'Assignment rules' });
    await byRule.waitFor({ timeout: 30_000 });
    expect(await byRule.innerText()).toContain('assigned it by the rule “London HVAC to Erin”');
    await context.close();
  });
});
