import type { Locator, Page } from 'playwright-core';

/** The conflicts inbox, by what a person reads: the badge, each field's mine / theirs / result. */
export class ConflictsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Conflicts/ }).click();
    await this.page.getByRole('heading', { name: 'Conflicts', level: 1 }).waitFor();
  }

  async badgeCount(timeout = 30_000): Promise<number> {
    const badge = this.page.getByTestId('conflicts-count');
    await badge.waitFor({ timeout });
    return Number.parseInt(await badge.innerText(), 10);
  }

  conflicts(): Locator {
    return this.page.getByTestId('conflict');
  }

  conflict(path: string): Locator {
    return this.page.locator(`[data-testid="conflict"][data-path="${path}"]`);
  }

  async values(path: string): Promise<{ mine: string; theirs: string; result: string }> {
    const item = this.conflict(path);
    const read = async (testId: string) => (await item.getByTestId(testId).locator('dd').innerText()).trim();
    return { mine: await read('conflict-mine'), theirs: await read('conflict-theirs'), result: await read('conflict-result') };
  }

  async applyMine(path: string): Promise<void> {
    await this.conflict(path).getByRole('button', { name: 'Apply mine instead' }).click();
    await this.conflict(path).waitFor({ state: 'detached' });
  }
}
