import type { Locator, Page } from 'playwright-core';

/** The scanner screen, the asset page it opens and the fault report form. */
export class ScanScreens {
  constructor(private readonly page: Page) {}

  /** Opens the scanner screen and waits for it: for a camera that reads nothing (none granted, or no label in front of it). */
  async openScanner(): Promise<void> {
    await this.scanWithCamera();
    await this.page.getByRole('heading', { name: /scan an asset/i }).waitFor();
  }

  /**
   * Opens the scanner with a readable label in front of the camera. The scanner decodes the first
   * frame and leaves its screen within a few hundred milliseconds, often before a check for its
   * heading reaches the page (under load, a wait for the heading then ran into its timeout on the
   * asset page): the caller waits for what the scan opens instead.
   */
  async scanWithCamera(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
  }

  async waitForAsset(tag: string, timeout = 60_000): Promise<void> {
    await this.waitShowing(this.page.locator(`[data-testid="asset-page"][data-tag="${tag}"]`), `asset ${tag}`, timeout);
  }

  async typeTag(tag: string): Promise<void> {
    await this.page.getByLabel('Asset tag').fill(tag);
    await this.page.getByRole('button', { name: 'Open asset' }).click();
  }

  /**
   * As the desk: opens a tag's page (what its label's QR code opens), which names no asset on this
   * device, and registers a new asset with that tag; waits for the new asset's page. Offline too.
   */
  async registerAsset(tag: string, fields: { name: string; site: string; category: string }): Promise<void> {
    await this.page.goto(`/a/${encodeURIComponent(tag)}`);
    await this.waitShowing(this.page.getByTestId('unknown-asset'), `the unknown tag ${tag}`, 30_000);
    await this.page.getByTestId('register-asset').click();
    await this.page.getByLabel('Name', { exact: true }).fill(fields.name);
    await this.page.getByLabel('Site').selectOption({ label: fields.site });
    await this.page.getByLabel('Category').selectOption({ label: fields.category });
    await this.page.getByRole('button', { name: 'Register asset' }).click();
    await this.waitForAsset(tag);
  }

  cameraError() {
    return this.page.getByTestId('camera-error');
  }

  async reportFault(input: { priority: string; description: string; photo?: { name: string; mimeType: string; buffer: Buffer } }): Promise<string> {
    await this.page.getByTestId('report-fault').click();
    await this.page.getByTestId('fault-form').waitFor();
    await this.page.getByRole('radio', { name: input.priority }).check();
    await this.page.getByLabel('What is wrong?').fill(input.description);
    if (input.photo) {
      await this.page.getByLabel('Photo (optional)').setInputFiles(input.photo);
      await this.page.getByTestId('fault-photo-preview').waitFor();
    }
    await this.page.getByRole('button', { name: 'Send fault report' }).click();
    await this.waitShowing(this.page.getByTestId('ticket-report'), 'the sent report', 30_000);
    const id = /\/reports\/([^/?#]+)/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`not on a report page: ${this.page.url()}`);
    return id;
  }

  /** Waits for `target`; a timeout says what the screen showed instead, so a CI failure explains itself. */
  private async waitShowing(target: Locator, what: string, timeout: number): Promise<void> {
    try {
      await target.waitFor({ timeout });
    } catch (error) {
      const shown = await this.page.locator('body').innerText().catch(() => '(page closed)');
      // On the scanner: whether the camera read any code at all (ScanPage's `data-reads`).
      const reads = await this.page.locator('.scan-page').getAttribute('data-reads', { timeout: 1000 }).catch(() => undefined);
      const scanner = reads === undefined ? '' : ` (the camera had read ${reads ?? 0} codes there)`;
      throw new Error(`${what} did not show at ${this.page.url()}${scanner}; the screen showed:\n${shown.slice(0, 1500)}`, { cause: error });
    }
  }
}
