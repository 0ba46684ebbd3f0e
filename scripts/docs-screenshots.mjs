// Takes pictures of every screen of the built app, as a writer's week would fill it, for the README
// and for looking at a change: phone light, phone dark and laptop. Run after `npm run build`:
//   node scripts/docs-screenshots.mjs [output folder, default docs/screenshots] [screen ...]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const out = process.argv[2] ?? 'docs/screenshots';
const only = process.argv.slice(3);
mkdirSync(out, { recursive: true });

const dataDir = mkdtempSync(join(tmpdir(), 'weeknotes-shots-'));
const server = spawn(process.execPath, ['build/node/server/main.js'], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((ok, fail) => {
  server.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
  server.stdout.on('data', (d) => {
    const m = /running at (http:\/\/\S+?)\/? /.exec(String(d));
    if (m) ok(m[1]);
  });
});

// Week 47 of 2026 (Monday 16 to Sunday 22 November), London time.
const WEEK = [
  [
    '2026-11-16T08:40:00Z',
    'Walked the service centre floor with @Priya: the new signs are working. #ServiceCentre',
  ],
  ['2026-11-16T15:10:00Z', 'Budget challenge session went better than feared #budget'],
  [
    '2026-11-17T11:20:00Z',
    'Retro with the #BlueBadge team\nWent well: the new eligibility checker\nDidn’t: handover to the contact centre\nAction: pair with them next sprint',
  ],
  [
    '2026-11-18T10:05:00Z',
    '@Sam started as head of operations today. Good first conversation about https://example.org/service-standard',
  ],
  ['2026-11-18T16:45:00Z', 'Tenant case at 14 Elm Road needs a call back', 'Private'],
  ['2026-11-19T13:30:00Z', 'Show and tell for the housing repairs team, 40 people came #housing'],
  [
    '2026-11-20T09:15:00Z',
    'Next week I’m mostly at the LGA conference, then agreeing the six things before Christmas',
    'Next week',
  ],
];
const FRIDAY = '2026-11-20T15:00:00Z';

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

/** One browser profile with the week captured and compiled, as a writer would have done it. */
async function seededContext(viewport, scale, colorScheme) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: scale,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    colorScheme,
    hasTouch: viewport.width < 600,
    isMobile: viewport.width < 600,
  });
  const page = await context.newPage();
  for (const [at, text, flag] of WEEK) {
    await page.clock.setFixedTime(new Date(at));
    await page.goto(url);
    const box = page.getByLabel('What happened?');
    await box.fill(text);
    if (flag) await page.getByRole('checkbox', { name: flag }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#capture-text')?.value === '');
  }
  await page.clock.setFixedTime(new Date(FRIDAY));
  await page.goto(`${url}/settings`);
  await page.getByLabel('Title template').fill('Weeknote v{series}.{week}');
  await page.getByLabel('Series number').fill('10');
  await page.waitForTimeout(300);
  return { context, page };
}

const SCREENS = {
  capture: async (page) => {
    await page.goto(url);
    await page
      .getByLabel('What happened?')
      .fill('Coffee with @Priya about the #ServiceCentre rota');
  },
  week: async (page) => page.goto(`${url}/week`),
  shape: async (page) => page.goto(`${url}/write`),
  write: async (page) => {
    await page.goto(`${url}/write`);
    const compile = page.getByRole('button', { name: 'Compile draft' });
    const editor = page.getByLabel('Weeknote in Markdown');
    await compile.or(editor).first().waitFor();
    if (await compile.isVisible()) await compile.click();
    await editor.waitFor();
  },
  preview: async (page) => {
    await SCREENS.write(page);
    const preview = page.getByRole('button', { name: 'Preview' });
    if (await preview.isVisible().catch(() => false)) await preview.click();
  },
  archive: async (page) => {
    await SCREENS.write(page);
    await page.goto(`${url}/archive`);
  },
  settings: async (page) => page.goto(`${url}/settings`),
};

const PROFILES = [
  ['phone-light', { width: 360, height: 780 }, 2, 'light'],
  ['phone-dark', { width: 360, height: 780 }, 2, 'dark'],
  ['laptop', { width: 1280, height: 800 }, 1, 'light'],
];

try {
  for (const [profile, viewport, scale, scheme] of PROFILES) {
    if (process.env.PROFILES && !process.env.PROFILES.split(',').includes(profile)) continue;
    const { context, page } = await seededContext(viewport, scale, scheme);
    for (const [name, show] of Object.entries(SCREENS)) {
      if (only.length > 0 && !only.includes(name)) continue;
      await show(page);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(out, `${name}-${profile}.png`) });
      console.log(`${name}-${profile}.png`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
