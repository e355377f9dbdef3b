import type { Locator, Page } from 'playwright-core';

export type ThresholdKind = 'warn50' | 'warn75' | 'breach' | 'escalate2';
export type NewRuleFields = { name: string; categories?: string[]; sites?: string[]; engineer?: string };

/** The admin's Rules screen: who SLA alerts reach, and the ordered assignment rules. */
export class RulesAdmin {
  readonly form: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Rules' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Rules', level: 1 }).waitFor();
    await this.form.waitFor();
  }

  /** One threshold's fieldset; `group` ticks or unticks a group in its "Tell" list. */
  threshold(kind: ThresholdKind): Locator {
    return this.form.locator(`[data-testid="threshold"][data-kind="${kind}"]`);
  }

  async setTold(kind: ThresholdKind, group: string, on: boolean): Promise<void> {
    const box = this.threshold(kind).getByRole('group', { name: 'Tell', exact: true }).getByRole('checkbox', { name: group });
    await box.setChecked(on);
  }

  rule(name: string): Locator {
    return this.form.locator(`[data-testid="assignment-rule"][data-name="${name}"]`);
  }

  /** Adds a rule at the end of the list and fills it in (nothing is sent until `save`). */
  async addRule(fields: NewRuleFields): Promise<Locator> {
    await this.form.getByRole('button', { name: 'Add a rule' }).click();
    const card = this.form.getByTestId('assignment-rule').last();
    await card.getByLabel('Rule name').fill(fields.name);
    for (const category of fields.categories ?? []) await card.getByRole('group', { name: 'Categories' }).getByRole('checkbox', { name: category, exact: true }).check();
    for (const site of fields.sites ?? []) await card.getByRole('group', { name: 'Sites' }).getByRole('checkbox', { name: site, exact: true }).check();
    if (fields.engineer) await card.getByLabel('Assign to').selectOption({ label: fields.engineer });
    return card;
  }

  /** Saves; resolves with what the screen then says: its confirmation, or every error it shows. */
  async save(): Promise<string[]> {
    const before = Number(await this.form.getAttribute('data-save-attempts'));
    await this.form.getByRole('button', { name: 'Save rules' }).click();
    await this.page.locator(`form[data-save-attempts="${before + 1}"]`).waitFor();
    const saved = this.form.getByTestId('rules-saved');
    if (await saved.isVisible()) return [await saved.innerText()];
    return this.form.getByRole('alert').allInnerTexts();
  }
}
