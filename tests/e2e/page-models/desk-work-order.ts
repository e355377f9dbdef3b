import type { Locator, Page } from 'playwright-core';

const LONG = { timeout: 60_000 };

/** The desk's controls on a work order and on a ticket's create form, by labels and button names. */
export class DeskWorkOrder {
  constructor(private readonly page: Page) {}

  schedule(): Locator {
    return this.page.getByRole('region', { name: 'Assignment and schedule' });
  }

  /** Waits until the schedule inputs show a value (the site's zone is on the device), then reads them. */
  async scheduleInputs(scope: Locator = this.schedule()): Promise<{ start: string; end: string }> {
    const start = scope.getByLabel(/^Start/);
    await start.and(this.page.locator(':enabled')).waitFor(LONG);
    return { start: await start.inputValue(), end: await scope.getByLabel(/^End/).inputValue() };
  }

  /** Picks another engineer than the one shown, saves, and resolves with the chosen engineer's id. */
  async reassignToAnotherEngineer(currentId: string): Promise<string> {
    const select = this.schedule().getByLabel('Engineer');
    // The people arrive by sync: wait for someone else to choose.
    await select.locator(`option:not([value="${currentId}"])`).first().waitFor({ state: 'attached', ...LONG });
    const values = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    const other = values.find((value) => value !== currentId);
    if (!other) throw new Error('no other engineer to choose');
    await select.selectOption(other);
    await this.schedule().getByRole('button', { name: 'Save assignment and schedule' }).click();
    await this.schedule().getByRole('status').filter({ hasText: 'Saved' }).waitFor(LONG);
    return other;
  }

  /** The checklist section of the work order page. */
  checklist(): Locator {
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { name: /^Checklist/ }) });
  }

  async addChecklistItem(label: string, scope: Locator = this.page.locator('body')): Promise<void> {
    await scope.getByLabel('New item', { exact: true }).fill(label);
    await scope.getByRole('button', { name: 'Add item' }).click();
  }

  /** Opens the editor on the work order page and removes an item; resolves with the refusal shown, if any. */
  async tryRemoveChecklistItem(label: string): Promise<void> {
    const editor = this.page.getByTestId('wo-checklist-editor');
    if (!(await editor.isVisible())) await this.checklist().getByRole('button', { name: 'Edit checklist' }).click();
    await editor.getByRole('button', { name: `Remove ${label}` }).click();
  }
}
