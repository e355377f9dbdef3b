import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { KIND_CHECKLISTS } from '@shared/domain/checklist';
import { OPEN_TICKET_STATUSES } from '@shared/domain/ticket-queue';
import type { Ticket, WorkOrder } from '@shared/schemas';
import { loginAs } from '../helpers/api-client';
import { pullAll } from '../helpers/sync-client';
import type { TestServer } from '../helpers/test-server';
import { launchBrowser, newPhoneContext } from './browser';
import { startE2eServer } from './e2e-server';
import { DeskWorkOrder } from './page-models/desk-work-order';
import { DispatchDesk } from './page-models/dispatch-desk';
import { LoginPage } from './page-models/login-page';
import { SyncStatus } from './page-models/sync-status';

const LONG = { timeout: 60_000 };
const SYDNEY = 'Australia/Sydney';

let server: TestServer;
let baseURL: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ server, baseURL } = await startE2eServer());
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

/** A dispatcher's desk in New York, 16 hours behind Sydney in December, 1440×900; each test signs in on its own. */
async function newYorkDesk(username: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, serviceWorkers: 'allow', timezoneId: 'America/New_York' });
  contexts.push(context);
  const page = await context.newPage();
  await new LoginPage(page).signIn(username);
  await new SyncStatus(page).waitForCaughtUp();
  return page;
}

const siteInput = (iso: string) => DateTime.fromISO(iso).setZone(SYDNEY).toFormat("yyyy-MM-dd'T'HH:mm");

async function serverDocs<T>(collection: 'workOrders' | 'tickets'): Promise<T[]> {
  const admin = await loginAs(server.url, 'admin');
  return (await pullAll(admin, collection, 1000)).documents as T[];
}

describe('the desk’s forms', () => {
  it('shows a Sydney job on Sydney’s clock to a New York desk, and changing only the engineer leaves its time alone', async () => {
    const job = (await serverDocs<WorkOrder>('workOrders')).find((wo) => wo.siteId === 'site-syd' && wo.status === 'scheduled');
    if (!job) throw new Error('no scheduled Sydney job in the demo data');
    const page = await newYorkDesk('dispatch1');
    await page.goto(`/work-orders/${job.id}`);

    const desk = new DeskWorkOrder(page);
    expect(await desk.scheduleInputs()).toEqual({ start: siteInput(job.scheduledStart), end: siteInput(job.scheduledEnd) });
    await desk.schedule().getByText(`(site time, ${SYDNEY})`).waitFor(LONG);
    const engineer = await desk.reassignToAnotherEngineer(job.assigneeId);

    const stored = async () => (await serverDocs<WorkOrder>('workOrders')).find((wo) => wo.id === job.id);
    await expect.poll(async () => (await stored())?.assigneeId, { timeout: 30_000 }).toBe(engineer);
    expect(await stored()).toMatchObject({ scheduledStart: job.scheduledStart, scheduledEnd: job.scheduledEnd });
  });

  it('makes one ticket of a double click on "Create ticket"', async () => {
    const page = await newYorkDesk('dispatch2');
    const title = `Double click ${Date.now()}`;
    const desk = new DispatchDesk(page);
    await page.getByRole('link', { name: 'New ticket' }).click();
    await desk.waitForChoices('London Canary Wharf', 'HVAC');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel(/^Site/).selectOption({ label: 'London Canary Wharf' });
    await page.getByLabel(/^Category/).selectOption({ label: 'HVAC' });
    await page.getByRole('button', { name: 'Create ticket' }).dblclick();
    await page.getByTestId('ticket').waitFor(LONG);
    // Synced: the ticket has its server number and nothing waits to be pushed.
    await desk.waitForServerNumber();
    await new SyncStatus(page).waitForPending(0, 0);

    expect((await serverDocs<Ticket>('tickets')).filter((ticket) => ticket.title === title)).toHaveLength(1);
  });

  it('creates one work order on a Sydney ticket, at Sydney’s next hour, with its default checklist; the desk adds a step the engineer ticks', async () => {
    const tickets = await serverDocs<Ticket>('tickets');
    const ticket = tickets.find((candidate) => candidate.siteId === 'site-syd' && OPEN_TICKET_STATUSES.includes(candidate.status));
    if (!ticket) throw new Error('no open Sydney ticket in the demo data');
    const before = (await serverDocs<WorkOrder>('workOrders')).filter((wo) => wo.ticketId === ticket.id).length;

    const page = await newYorkDesk('dispatch1');
    await page.goto(`/tickets/${ticket.id}`);
    const form = page.getByRole('region', { name: 'Create a work order' });
    const desk = new DeskWorkOrder(page);

    // The proposal is the next full hour on Sydney's clock (taken around the read, in case an hour turns).
    const nextHour = () => DateTime.now().setZone(SYDNEY).startOf('hour').plus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm");
    const earliest = nextHour();
    const { start } = await desk.scheduleInputs(form);
    expect([earliest, nextHour()]).toContain(start);

    // The default: corrective steps plus the category's trade checks, none done.
    const items = form.getByTestId('checklist-editor-item');
    await items.first().waitFor(LONG);
    expect(await items.count()).toBeGreaterThanOrEqual(KIND_CHECKLISTS.corrective.length);
    const marker = `Check the e2e seal ${Date.now()}`;
    await desk.addChecklistItem('Photograph the plant room', form);
    const itemLabels = () => form.getByLabel(/^Item \d+$/).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    await expect.poll(async () => (await itemLabels()).at(-1), { timeout: 10_000 }).toBe('Photograph the plant room');

    const top = form.getByTestId('suggestion').first();
    const username = (await top.getAttribute('data-engineer')) ?? '';
    await top.getByRole('radio').check();
    await form.getByTestId('day-view').waitFor(LONG);
    await form.getByRole('button', { name: 'Create work order' }).dblclick();
    const created = form.getByTestId('wo-created');
    await created.waitFor(LONG);

    // One work order, named as the ticket's list names it, and the form starts over.
    const rows = page.getByTestId('ticket-wo');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(before + 1);
    await new SyncStatus(page).waitForPending(0, 0);
    const link = created.getByRole('link');
    await page.waitForFunction(() => /WO-\d{6,}/.test(document.querySelector('[data-testid="wo-created"]')?.textContent ?? ''), undefined, LONG);
    const number = (await link.innerText()).trim();
    await rows.getByRole('link', { name: number, exact: true }).waitFor(LONG);
    expect(await form.getByRole('radio', { checked: true }).count()).toBe(0);
    expect(await form.getByTestId('day-view').count()).toBe(0);
    expect(await itemLabels()).not.toContain('Photograph the plant room');
    const onServer = (await serverDocs<WorkOrder>('workOrders')).filter((wo) => wo.ticketId === ticket.id);
    expect(onServer).toHaveLength(before + 1);

    // On the work order page the desk adds a step…
    const workOrderId = ((await link.getAttribute('href')) ?? '').replace('/work-orders/', '');
    await link.click();
    const checklist = desk.checklist();
    await checklist.getByRole('checkbox', { name: 'Photograph the plant room' }).waitFor(LONG);
    await checklist.getByRole('button', { name: 'Edit checklist' }).click();
    await desk.addChecklistItem(marker, checklist);
    await checklist.getByRole('checkbox', { name: marker }).waitFor(LONG);

    // …that the engineer sees live on their phone and ticks.
    const field = await newPhoneContext(browser, baseURL);
    contexts.push(field);
    const phone = await field.newPage();
    await new LoginPage(phone).signIn(username);
    await new SyncStatus(phone).waitForCaughtUp();
    await phone.goto(`/work-orders/${workOrderId}`);
    const box = phone.getByTestId('checklist').getByRole('checkbox', { name: marker });
    await box.waitFor(LONG);
    await box.check();
    const tickedOnServer = async () => (await serverDocs<WorkOrder>('workOrders')).find((wo) => wo.id === workOrderId)?.checklist.find((item) => item.label === marker);
    await expect.poll(async () => (await tickedOnServer())?.done, { timeout: 30_000 }).toBe(true);
    expect((await tickedOnServer())?.doneBy).toBe(`user-${username}`);

    // The desk sees the tick and cannot remove the done step: it is told why, and it stays.
    await checklist.getByRole('checkbox', { name: marker, checked: true }).waitFor(LONG);
    await desk.tryRemoveChecklistItem(marker);
    await checklist.getByRole('alert').filter({ hasText: 'cannot be removed' }).waitFor(LONG);
    expect(await checklist.getByRole('checkbox', { name: marker }).count()).toBe(1);
  });
});
