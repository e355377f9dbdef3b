import type { Page } from 'playwright-core';
import { openCard, submitAndRead } from './reference-admin';

export type NewUserFields = { username: string; fullName: string; email: string; role: string; site: string; skills: string; password: string };

/** The admin's Users screen: add a user, find their card, set their password. */
export class UsersAdmin {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await this.page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  }

  /** Fills and sends the form; resolves with what the screen then says: the confirmation, or every error. */
  async addUser(fields: NewUserFields): Promise<string[]> {
    const form = this.page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Username').fill(fields.username);
    await form.getByLabel('Full name').fill(fields.fullName);
    await form.getByLabel('Email').fill(fields.email);
    await form.getByLabel('Role').selectOption({ label: fields.role });
    await form.getByRole('checkbox', { name: fields.site }).check();
    await form.getByLabel('Skills').fill(fields.skills);
    await form.getByLabel('First password').fill(fields.password);
    return submitAndRead(form, 'Add user', form.getByTestId('user-added'));
  }

  card(username: string) {
    return this.page.locator(`[data-testid="user-card"][data-username="${username}"]`);
  }

  async setPassword(username: string, password: string): Promise<string> {
    const card = this.card(username);
    await openCard(card);
    await card.getByLabel('New password').fill(password);
    await card.getByRole('button', { name: 'Set new password' }).click();
    const outcome = card.getByRole('status').filter({ hasText: 'New password set' }).or(card.getByRole('alert'));
    await outcome.first().waitFor();
    return outcome.first().innerText();
  }
}
