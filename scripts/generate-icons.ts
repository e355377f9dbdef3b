/**
 * Renders app/public/icons/icon.svg into the PNG icons the manifest and iOS need, in the system
 * Chromium (no network, no image libraries to install). Run once after changing the SVG:
 *   npx tsx scripts/generate-icons.ts
 * The PNGs are committed, so a build never depends on a browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const ICONS_DIR = path.resolve(import.meta.dirname, '../app/public/icons');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The SVG's own background colour; maskable and apple-touch icons must be opaque to the edge. */
const BACKGROUND = '#0b3d91';

type IconSpec = {
  file: string;
  size: number;
  /** Share of the canvas the artwork fills. */
  scale: number;
  /** Fill the whole square (no transparent corners). */
  opaque: boolean;
};

const ICONS: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192, scale: 1, opaque: false },
  { file: 'icon-512.png', size: 512, scale: 1, opaque: false },
  // Maskable: launchers crop to any shape inside the central 80% circle (the "safe zone", see
  // https://w3c.github.io/manifest/#icon-masks), so the artwork sits at 80% on a full-bleed fill.
  { file: 'icon-512-maskable.png', size: 512, scale: 0.8, opaque: true },
  // iOS rounds the corners itself and paints transparent pixels black, so this one is opaque.
  { file: 'apple-touch-icon-180.png', size: 180, scale: 1, opaque: true },
];

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function renderIcon(page: Page, svg: string, icon: IconSpec): Promise<Buffer> {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  const artwork = Math.round(icon.size * icon.scale);
  const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:${icon.opaque ? BACKGROUND : 'transparent'}">` +
      `<div style="width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center">` +
      `<img src="${dataUrl}" width="${artwork}" height="${artwork}" alt=""></div></body></html>`,
  );
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  return page.screenshot({ omitBackground: !icon.opaque, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
}

async function main(): Promise<void> {
  const svg = fs.readFileSync(path.join(ICONS_DIR, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const icon of ICONS) {
      const png = await renderIcon(page, svg, icon);
      fs.writeFileSync(path.join(ICONS_DIR, icon.file), png);
      process.stdout.write(`${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes\n`);
    }
  } finally {
    await browser.close();
  }
}

await main();
