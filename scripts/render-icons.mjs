// Renders public/icons/favicon.svg into the PNG icons the manifest and iOS need.
// Run by hand after changing the SVG: node scripts/render-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const svg = readFileSync('public/icons/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage();

async function render(size, file, { maskable = false, square = false } = {}) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon keeps its picture inside the central 80% safe zone on a full-bleed background.
  const inner = maskable ? Math.round(size * 0.7) : size;
  const radius = square ? 'rx="0"' : 'rx="96"';
  const body = (square || maskable ? svg.replace('rx="96"', radius) : svg).replace(
    '<svg ',
    `<svg width="${inner}" height="${inner}" `,
  );
  await page.setContent(
    `<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable || square ? '#1f4e5f' : 'transparent'}">${body}</body></html>`,
  );
  await page.screenshot({ path: file, omitBackground: !(maskable || square) });
}

await render(192, 'public/icons/icon-192.png');
await render(512, 'public/icons/icon-512.png');
await render(512, 'public/icons/maskable-512.png', { maskable: true });
await render(180, 'public/icons/apple-touch-icon.png', { square: true });
await browser.close();
