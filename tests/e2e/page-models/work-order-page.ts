import type { Page } from 'playwright-core';

/** A work order as the engineer works it, by the labels a person reads on screen. */
export class WorkOrderPage {
  constructor(private readonly page: Page) {}

  async status(): Promise<string> {
    return (await this.page.getByTestId('wo-status').innerText()).trim();
  }

  async moveTo(status: string): Promise<void> {
    await this.page.getByTestId(`status-${status}`).click();
    await this.page.waitForFunction((expected) => document.querySelector('[data-testid="wo-status"]')?.getAttribute('data-status') === expected, status);
  }

  async checkIn(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check in here' }).click();
    await this.page.getByTestId('checkin-recorded').waitFor();
  }

  async tickAllChecklistItems(): Promise<number> {
    const boxes = this.page.getByTestId('checklist').getByRole('checkbox');
    const count = await boxes.count();
    for (let index = 0; index < count; index++) {
      const box = boxes.nth(index);
      if (!(await box.isChecked())) await box.check();
    }
    return count;
  }

  /** Ticks one checklist item by its label (the box shows it at once; the save follows). */
  async tickChecklistItem(label: string): Promise<void> {
    await this.page.getByTestId('checklist').getByRole('checkbox', { name: label, exact: true }).check();
  }

  async addPart(part: { partNo: string; description: string; qty: number }): Promise<void> {
    const parts = this.page.locator('section').filter({ has: this.page.getByRole('heading', { name: 'Parts used' }) });
    await parts.getByLabel('Part number').fill(part.partNo);
    await parts.getByLabel('Description').fill(part.description);
    await parts.getByLabel('Quantity').fill(String(part.qty));
    await parts.getByRole('button', { name: 'Add part' }).click();
    await parts.getByTestId('part').filter({ hasText: part.partNo }).waitFor();
  }

  async logWork(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start work timer' }).click();
    await this.page.getByRole('button', { name: 'Stop timer' }).click();
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByLabel('Note', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
    await this.page.getByTestId('note').filter({ hasText: text }).waitFor();
  }

  async addPhoto(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const before = await this.page.getByTestId('photo-thumb').count();
    await this.page.getByLabel('Add photo').setInputFiles(file);
    await this.page.waitForFunction((count) => document.querySelectorAll('[data-testid="photo-thumb"]').length > count, before);
  }

  async sign(name: string): Promise<void> {
    await this.drawSignature(name);
    await this.saveSignature();
  }

  /** The customer signs and gives their name; nothing is saved yet. */
  async drawSignature(name: string): Promise<void> {
    const pad = this.page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not visible');
    await this.page.mouse.move(box.x + 20, box.y + box.height / 2);
    await this.page.mouse.down();
    for (let step = 1; step <= 10; step++) await this.page.mouse.move(box.x + 20 + step * 20, box.y + box.height / 2 + (step % 2 ? 15 : -15));
    await this.page.mouse.up();
    await this.page.getByLabel('Customer name').fill(name);
  }

  async saveSignature(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save signature' }).click();
    await this.page.getByTestId('signature-saved').waitFor();
  }

  /**
   * Presses "Save signature" and, while it is still being stored, "Complete job" (the CPU slowed down
   * so the press surely lands during the save, as on a busy phone); the job completes with it.
   */
  async saveSignatureThenCompleteAtOnce(resolution: string): Promise<void> {
    await this.page.getByLabel('Resolution').fill(resolution);
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    try {
      await this.page.getByRole('button', { name: 'Save signature' }).click();
      await this.page.getByRole('status').filter({ hasText: 'Saving the signature' }).waitFor();
      await this.page.getByRole('button', { name: 'Complete job' }).click();
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    }
    await this.page.waitForFunction(() => document.querySelector('[data-testid="wo-status"]')?.getAttribute('data-status') === 'completed');
    await this.page.getByTestId('signature-saved').waitFor();
  }

  /** Presses "Complete job" and resolves with the error the completion then shows. */
  async completionRefusal(resolution: string): Promise<string> {
    await this.page.getByLabel('Resolution').fill(resolution);
    await this.page.getByRole('button', { name: 'Complete job' }).click();
    const error = this.page.locator('#resolution-error');
    await error.waitFor();
    return error.innerText();
  }

  async complete(resolution: string): Promise<void> {
    await this.page.getByLabel('Resolution').fill(resolution);
    await this.page.getByRole('button', { name: 'Complete job' }).click();
    await this.page.waitForFunction(() => document.querySelector('[data-testid="wo-status"]')?.getAttribute('data-status') === 'completed');
  }

  async isMarkedUnsynced(): Promise<boolean> {
    return this.page.getByTestId('unsynced-marker').first().isVisible();
  }

  /**
   * Resolves once the page marks the job "not yet on the server" (the marker follows the outbox's
   * own query, which can answer a moment after the job's status renders on a page just opened).
   */
  async waitForUnsyncedMarker(timeout = 10_000): Promise<void> {
    await this.page.getByTestId('unsynced-marker').first().waitFor({ timeout });
  }
}
