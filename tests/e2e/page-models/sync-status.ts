import type { Page } from 'playwright-core';

/** The always-visible sync bar: its state and the count of changes waiting for the server. */
export class SyncStatus {
  constructor(private readonly page: Page) {}

  async pendingCount(): Promise<number> {
    return Number(await this.page.getByTestId('pending-count').getAttribute('data-count'));
  }

  /** Wait until the pending count is within [min, max] (CSP forbids shipping a predicate as code). */
  async waitForPending(min: number, max = Number.MAX_SAFE_INTEGER, timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(
      ([low, high]) => {
        const count = Number(document.querySelector('[data-testid="pending-count"]')?.getAttribute('data-count') ?? 'NaN');
        return count >= (low ?? 0) && count <= (high ?? 0);
      },
      [min, max],
      { timeout },
    );
  }

  /** Every collection has finished its first pull: what the server holds for this user is on the device. */
  async waitForCaughtUp(timeout = 60_000): Promise<void> {
    await this.page.locator('[data-testid="sync-status"][data-caught-up="true"]').waitFor({ timeout });
  }

  async waitForState(state: 'offline' | 'live' | 'error' | 'connecting' | 'needs-sign-in', timeout = 30_000): Promise<void> {
    await this.page.locator(`[data-testid="sync-status"][data-state="${state}"]`).waitFor({ timeout });
  }
}
