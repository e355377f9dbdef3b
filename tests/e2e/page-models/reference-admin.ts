import type { Locator, Page } from 'playwright-core';

export type NewSiteFields = { code: string; name: string; address: string; lat: string; lng: string; timezone: string };
export type NewCategoryFields = { name: string; description: string; skills: string; defaultPriority: string };

/** Opens an admin screen from the main navigation. */
async function openFromNav(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** Opens a card (a `<details>`) unless it is open already. */
export async function openCard(card: Locator): Promise<void> {
  if ((await card.getAttribute('open')) === null) await card.locator('summary').click();
}

/** Sends a form; resolves with what it then says: its confirmation, or every error it shows. */
export async function submitAndRead(form: Locator, button: string, confirmation: Locator): Promise<string[]> {
  await form.getByRole('button', { name: button }).click();
  const alerts = form.getByRole('alert');
  await confirmation.or(alerts).first().waitFor();
  if (await confirmation.isVisible()) return [await confirmation.innerText()];
  return alerts.allInnerTexts();
}

/** The admin's Sites screen: add a site, find its card, edit it. */
export class SitesAdmin {
  constructor(private readonly page: Page) {}

  open(): Promise<void> {
    return openFromNav(this.page, 'Sites', 'Sites');
  }

  async addSite(fields: NewSiteFields): Promise<string[]> {
    const form = this.page.getByRole('form', { name: 'Add a site' });
    await form.getByLabel('Code').fill(fields.code);
    await form.getByLabel('Name', { exact: true }).fill(fields.name);
    await form.getByLabel('Address').fill(fields.address);
    await form.getByLabel('Latitude').fill(fields.lat);
    await form.getByLabel('Longitude').fill(fields.lng);
    await form.getByLabel('Time zone').fill(fields.timezone);
    return submitAndRead(form, 'Add site', form.getByTestId('site-added'));
  }

  card(code: string): Locator {
    return this.page.locator(`[data-testid="site-card"][data-code="${code}"]`);
  }

  async rename(code: string, name: string): Promise<string[]> {
    const card = this.card(code);
    await openCard(card);
    await card.getByLabel('Name', { exact: true }).fill(name);
    return submitAndRead(card, 'Save site', card.getByRole('status'));
  }
}

/** The admin's Categories screen: add a category, find its card. */
export class CategoriesAdmin {
  constructor(private readonly page: Page) {}

  open(): Promise<void> {
    return openFromNav(this.page, 'Categories', 'Categories');
  }

  async addCategory(fields: NewCategoryFields): Promise<string[]> {
    const form = this.page.getByRole('form', { name: 'Add a category' });
    await form.getByLabel('Name', { exact: true }).fill(fields.name);
    await form.getByLabel('Description').fill(fields.description);
    await form.getByLabel('Skills').fill(fields.skills);
    await form.getByLabel('Default priority').selectOption({ label: fields.defaultPriority });
    return submitAndRead(form, 'Add category', form.getByTestId('category-added'));
  }

  card(name: string): Locator {
    return this.page.locator(`[data-testid="category-card"][data-name="${name}"]`);
  }

  /** Opens a category's card, changes the fields given and saves; resolves with what the card then says (under its new name, once renamed). */
  async edit(name: string, changes: { name?: string; description?: string }): Promise<string[]> {
    const card = this.card(name);
    await openCard(card);
    if (changes.name !== undefined) await card.getByLabel('Name', { exact: true }).fill(changes.name);
    if (changes.description !== undefined) await card.getByLabel('Description').fill(changes.description);
    return submitAndRead(card, 'Save category', this.card(changes.name ?? name).getByRole('status'));
  }
}
