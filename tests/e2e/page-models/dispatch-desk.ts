import type { Page } from 'playwright-core';

const LONG = { timeout: 60_000 };

type TicketFields = { title: string; description: string; site: string; category: string };

/** The dispatcher's desk as a person uses it: by labels and button names. */
export class DispatchDesk {
  constructor(private readonly page: Page) {}

  async createTicket(fields: TicketFields): Promise<string> {
    await this.page.getByRole('link', { name: 'New ticket' }).click();
    return this.fileTicket(fields);
  }

  /** On the new-ticket form: waits until a site and a category are offered (reference data arrives by sync). */
  async waitForChoices(site: string, category: string): Promise<void> {
    await this.page.getByLabel(/^Site/).locator('option', { hasText: site }).waitFor({ state: 'attached', ...LONG });
    await this.page.getByLabel(/^Category/).locator('option', { hasText: category }).waitFor({ state: 'attached', ...LONG });
  }

  /** Fills and sends the new-ticket form that is open; resolves with the ticket's id. */
  async fileTicket(fields: TicketFields): Promise<string> {
    await this.page.getByLabel('Title', { exact: true }).fill(fields.title);
    await this.page.getByLabel('Description').fill(fields.description);
    await this.page.getByLabel(/^Site/).selectOption({ label: fields.site });
    await this.page.getByLabel(/^Category/).selectOption({ label: fields.category });
    await this.page.getByRole('button', { name: 'Create ticket' }).click();
    await this.page.getByTestId('ticket').waitFor(LONG);
    return (await this.page.getByTestId('ticket').getAttribute('data-id')) ?? '';
  }

  /** The server's number once the ticket has synced (the provisional one is replaced). */
  async waitForServerNumber(): Promise<string> {
    await this.page.waitForFunction(() => /^TCK-\d{6,}$/.test(document.querySelector('[data-testid="ticket-number"]')?.textContent ?? ''), undefined, LONG);
    return (await this.page.getByTestId('ticket-number').innerText()).trim();
  }

  /** Picks the top suggestion, creates the work order, returns the engineer's username and the work order's id. */
  async createWorkOrderWithTopSuggestion(): Promise<{ username: string; workOrderId: string }> {
    const top = this.page.getByTestId('suggestion').first();
    await top.waitFor(LONG);
    const username = (await top.getAttribute('data-engineer')) ?? '';
    await top.getByRole('radio').check();
    await this.page.getByTestId('day-view').waitFor(LONG);
    await this.page.getByRole('button', { name: 'Create work order' }).click();
    await this.page.getByTestId('wo-created').waitFor(LONG);
    const link = this.page.getByTestId('ticket-wo').first().getByRole('link');
    const href = (await link.getAttribute('href')) ?? '';
    return { username, workOrderId: href.replace('/work-orders/', '') };
  }

  async waitForComment(text: string): Promise<void> {
    await this.page.getByTestId('comment').filter({ hasText: text }).waitFor(LONG);
  }
}
