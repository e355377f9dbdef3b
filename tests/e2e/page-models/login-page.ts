import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async signIn(username: string, password = 'demo1234'): Promise<void> {
    await this.page.goto('/login');
    await this.submit(username, password);
    await this.page.getByTestId('sync-status').waitFor();
  }

  /** Fills the form on screen (a first sign-in or "Sign in again") and sends it. */
  async submit(username: string, password = 'demo1234'): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** The login form is on screen, for a first sign-in (not "Sign in again"). */
  async waitForForm(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Field Service', level: 1 }).waitFor();
    await this.page.getByLabel('Username').waitFor();
  }
}
