// Takes the manifest's screenshots from the built app. Run after `npm run build`:
//   node scripts/render-screenshots.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'wn-'));
const server = spawn(process.execPath, ['build/node/server/main.js'], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((ok) => {
  server.stdout.on('data', (d) => {
    const m = /running at (http:\/\/\S+?)\/? /.exec(String(d));
    if (m) ok(m[1]);
  });
});

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const moments = [
  [
    '2026-11-16T08:40:00Z',
    'Walked the service centre floor with @Priya: the new signs are working #service-centre',
  ],
  ['2026-11-16T15:10:00Z', 'Budget challenge session went better than feared #budget'],
  ['2026-11-18T10:05:00Z', '@Sam started as head of operations today. Good first conversation.'],
  ['2026-11-19T13:30:00Z', 'Show and tell for the housing repairs team #housing'],
  ['2026-11-20T09:15:00Z', 'Agree the six things before Christmas'],
];

async function shoot(viewport, scale, path, file) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: scale,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    hasTouch: viewport.width < 600,
    isMobile: viewport.width < 600,
  });
  const page = await context.newPage();
  for (const [at, text] of moments) {
    await page.clock.setFixedTime(new Date(at));
    await page.goto(url);
    await page.getByLabel('What happened?').fill(text);
    await page.keyboard.press('Enter');
    await page.getByText(text.slice(0, 20)).first().waitFor();
  }
  await page.goto(url + path);
  await page.waitForTimeout(300);
  await page.screenshot({ path: file });
  await context.close();
}

await shoot({ width: 360, height: 640 }, 2, '/', 'public/screenshots/capture-narrow.png');
await shoot({ width: 1280, height: 800 }, 1, '/week', 'public/screenshots/week-wide.png');
await browser.close();
server.kill('SIGTERM');
await new Promise((done) => server.on('exit', done));
rmSync(dataDir, { recursive: true, force: true });
