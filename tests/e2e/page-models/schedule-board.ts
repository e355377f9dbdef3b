import type { Locator, Page } from 'playwright-core';

const LONG = { timeout: 60_000 };
/** The board's axis: 06:00–20:00 (app/features/schedule/board-day.ts). */
const AXIS_HOURS = 14;

/** The dispatcher's schedule board as a person uses it: by the mouse, by the keyboard, by what it says. */
export class ScheduleBoard {
  constructor(private readonly page: Page) {}

  /** From the desk's main navigation. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
    await this.page.getByTestId('schedule-board').waitFor(LONG);
  }

  block(workOrderId: string): Locator {
    return this.page.locator(`[data-testid="board-block"][data-id="${workOrderId}"]`);
  }

  /** The job's block on that engineer's row (waits for it there). */
  async waitForBlockInRow(workOrderId: string, engineerId: string): Promise<void> {
    await this.page.locator(`[data-engineer-row="${engineerId}"] [data-testid="board-block"][data-id="${workOrderId}"]`).waitFor(LONG);
  }

  /**
   * Drags the block with the mouse by `hours` along the axis and onto `engineerId`'s row, in small
   * steps as a hand would, checking the outline of where it lands on the way.
   */
  async drag(workOrderId: string, { hours, engineerId }: { hours: number; engineerId: string }): Promise<void> {
    const block = this.block(workOrderId);
    const row = this.page.locator(`[data-engineer-row="${engineerId}"] [data-track]`);
    await block.scrollIntoViewIfNeeded();
    // The day's stacks set the rows' heights: centre the block and the row together before dragging.
    const viewport = this.page.viewportSize();
    const [blockBox, rowBox] = [await box(block), await box(row)];
    const middle = (Math.min(blockBox.y, rowBox.y) + Math.max(blockBox.y + blockBox.height, rowBox.y + rowBox.height)) / 2;
    if (viewport) await this.page.evaluate((by) => window.scrollBy(0, by), middle - viewport.height / 2);
    const from = await box(block);
    const track = await box(row);
    const inView = (area: { y: number; height: number }) => !viewport || (area.y >= 0 && area.y + area.height <= viewport.height);
    if (!inView(track) || !inView(from)) throw new Error(`the row of ${engineerId} is not in view with the block: pick rows that fit one screen`);
    const grab = { x: from.x + 6, y: from.y + from.height / 2 };
    const drop = { x: grab.x + (hours / AXIS_HOURS) * track.width, y: track.y + track.height / 2 };
    await this.page.mouse.move(grab.x, grab.y);
    await this.page.mouse.down();
    await this.page.mouse.move(grab.x + 20, grab.y + 10, { steps: 4 });
    await this.page.mouse.move(drop.x, drop.y, { steps: 12 });
    await this.page.locator(`[data-engineer-row="${engineerId}"] [data-testid="drop-ghost"]`).waitFor(LONG);
    await this.page.mouse.up();
  }

  /** Keyboard only: focus the block, M opens the Move dialog, pick the engineer and time, Enter moves it. */
  async moveWithKeyboard(workOrderId: string, { engineer, time }: { engineer: string; time: string }): Promise<void> {
    await this.block(workOrderId).focus();
    await this.page.keyboard.press('m');
    const dialog = this.page.getByRole('dialog', { name: /^Move / });
    await dialog.waitFor(LONG);
    await dialog.getByLabel('Engineer').selectOption({ label: engineer });
    await dialog.getByLabel(/^Start/).focus();
    await dialog.getByLabel(/^Start/).fill(time);
    await this.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached', ...LONG });
  }

  /** Presses M on a block that may not move; resolves with what the board says instead. */
  async pressMoveOn(workOrderId: string): Promise<string> {
    await this.block(workOrderId).focus();
    await this.page.keyboard.press('m');
    return this.waitForMessage(/.+/);
  }

  async waitForMessage(text: RegExp): Promise<string> {
    const message = this.page.getByTestId('board-message').filter({ hasText: text });
    await message.waitFor(LONG);
    return message.innerText();
  }
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element is not visible');
  return found;
}
