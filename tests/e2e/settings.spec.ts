import { readFileSync } from 'node:fs';
import { devices, type BrowserContext, type Page } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { addPasskeyAuthenticator } from '../../scripts/chromium.mjs';
import { capture, expect, savedSetting, test } from './fixtures';
import { confirmSafetyNumber } from './link-helpers';

const FRIDAY = new Date('2026-11-20T16:00:00Z');

test('saved settings show at once after a reload, and the Write screen titles with them', async ({
  page,
}) => {
  await page.clock.setFixedTime(FRIDAY);
  await page.goto('/');
  await capture(page, 'Walked the service centre with @Priya');
  await page.goto('/settings');
  await page.getByLabel('Weeks start on').selectOption('Sunday');
  await page.getByLabel('Title template').fill('Notes {week}.{yy}');
  await page.getByLabel('Series number').fill('12');
  await expect.poll(() => savedSetting(page, 'titleTemplate')).toBe('Notes {week}.{yy}');
  await expect.poll(() => savedSetting(page, 'series')).toBe(12);

  // Every value each field ever shows is recorded from the first moment it is in the page: a
  // field that shows the defaults first, even briefly, fails this.
  await page.addInitScript(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { seenValues: typeof seen }).seenValues = seen;
    const look = (): void => {
      for (const id of ['title-template', 'series-number', 'week-start']) {
        const el = document.getElementById(id) as HTMLInputElement | null;
        if (!el) continue;
        const list = (seen[id] ??= []);
        if (list[list.length - 1] !== el.value) list.push(el.value);
      }
    };
    new MutationObserver(look).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
    });
    document.addEventListener('input', look, true);
  });
  await page.reload();
  await expect(page.getByLabel('Title template')).toHaveValue('Notes {week}.{yy}');
  await expect(page.getByLabel('Series number')).toHaveValue('12');
  await expect(page.getByLabel('Weeks start on')).toHaveValue('0');
  const seen = await page.evaluate(
    () => (window as unknown as { seenValues: Record<string, string[]> }).seenValues,
  );
  expect(seen).toEqual({
    'title-template': ['Notes {week}.{yy}'],
    'series-number': ['12'],
    'week-start': ['0'],
  });

  // Editing another field keeps the saved ones.
  await page.getByRole('radio', { name: 'Gathered into themes by first tag' }).check();
  await page.reload();
  await expect(page.getByLabel('Title template')).toHaveValue('Notes {week}.{yy}');
  expect(await savedSetting(page, 'series')).toBe(12);

  // Straight to the Write screen after a reload: the title comes from the saved template.
  await page.goto('/write');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(/^Notes \d\d\.26$/);
});

test('counts on the Settings screen agree with their nouns', async ({ page }) => {
  await page.goto('/');
  await capture(page, 'Only one moment');
  await page.goto('/settings');
  await expect(page.getByText('1 moment kept on this device.')).toBeVisible();
  await page.getByRole('button', { name: 'Download a backup' }).click();
  await expect(page.getByText('Backup of 1 moment and 0 drafts downloaded.')).toBeVisible();
});

async function passkeyPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await (addPasskeyAuthenticator as (c: BrowserContext, p: Page) => Promise<void>)(context, page);
  return page;
}

test('recovery codes and key: one code a line, nothing clipped at 360 px, copied and downloaded whole', async ({
  browser,
  server,
}) => {
  test.setTimeout(60_000);
  // Passkeys need a domain, not an IP address.
  const url = server.url.replace('127.0.0.1', 'localhost');
  const context = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 360, height: 780 },
    locale: 'en-GB',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await passkeyPage(context);
  try {
    await page.goto(`${url}/settings`);
    await page.getByRole('button', { name: 'Create an account with a passkey' }).click();
    const region = page.getByRole('region', { name: 'Recovery codes and key', exact: true });
    const items = region.getByRole('listitem');
    await expect(items).toHaveCount(10);
    const codes = (await items.locator('code').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // The recovery key below the list: fourteen groups of four, shown with spaces between.
    const keyShown = region.locator('.recovery-key code');
    const key = ((await keyShown.textContent()) ?? '').trim();
    expect(key).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){13}$/);

    const boxes = await items.locator('code').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const li = el.closest('li') as HTMLElement;
        return {
          top: r.top,
          left: r.left,
          right: r.right,
          clipped: el.scrollWidth > el.clientWidth || li.scrollWidth > li.clientWidth,
        };
      }),
    );
    const tops = boxes.map((b) => b.top);
    expect(new Set(tops).size).toBe(10);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    for (const b of boxes) {
      expect(b.clipped).toBe(false);
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(360);
    }
    // The key wraps between its groups, inside the page: no group cut or pushed past the edge.
    const keyBox = await keyShown.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = [...range.getClientRects()].map((l) => ({ left: l.left, right: l.right }));
      return {
        left: r.left,
        right: r.right,
        clipped: el.scrollWidth > el.clientWidth,
        lines,
        belowList:
          r.top > (document.querySelector('.recovery-codes')?.getBoundingClientRect().bottom ?? 0),
      };
    });
    expect(keyBox.clipped).toBe(false);
    expect(keyBox.belowList).toBe(true);
    expect(keyBox.left).toBeGreaterThanOrEqual(0);
    expect(keyBox.right).toBeLessThanOrEqual(360);
    for (const line of keyBox.lines) {
      expect(line.left).toBeGreaterThanOrEqual(keyBox.left);
      expect(line.right).toBeLessThanOrEqual(keyBox.right);
    }
    // The numbers are inside the page too: the list starts to the right of its markers' room.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    await region.getByRole('button', { name: 'Copy codes and key' }).click();
    await expect(region.getByText('Recovery codes and key copied.')).toBeVisible();
    const keyText = key.replace(/ /g, '-');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      [
        'Recovery codes (each signs in once):',
        ...codes,
        '',
        'Recovery key (unlocks your encrypted notes):',
        keyText,
        '',
      ].join('\n'),
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: 'Download codes and key' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('weeknotes-recovery-codes.txt');
    const text = readFileSync(await download.path(), 'utf8');
    for (const c of codes) expect(text).toContain(`${c}\n`);
    expect(text).toContain(`${keyText}\n`);
  } finally {
    await context.close();
  }
});

test('a template set on the phone shows on a laptop linked afterwards', async ({
  browser,
  server,
}) => {
  test.setTimeout(90_000);
  const url = server.url.replace('127.0.0.1', 'localhost');
  const phoneContext = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 360, height: 780 },
  });
  const laptopContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const phone = await passkeyPage(phoneContext);
  const laptop = await passkeyPage(laptopContext);
  try {
    await phone.goto(`${url}/settings`);
    await phone.getByLabel('Title template').fill('{week}.{yy}');
    await phone.getByLabel('Series number').fill('7');
    await phone.getByRole('button', { name: 'Create an account with a passkey' }).click();
    await phone.getByRole('button', { name: 'I have saved them' }).click();
    await expect(phone.locator('.sync-status')).toHaveAttribute('data-state', 'synced');
    await phone.getByRole('button', { name: 'Show a code to link another device' }).click();
    const code = (await phone.locator('.link-code').textContent()) ?? '';

    await laptop.goto(`${url}/settings`);
    await expect(laptop.getByLabel('Title template')).toHaveValue('Weeknote v{series}.{week}');
    await laptop.getByLabel('Code from your other device').fill(code);
    await laptop.getByRole('button', { name: 'Join with code' }).click();
    // Nothing can be pulled until the phone hands over the key, after the safety-number check.
    await confirmSafetyNumber(phone, laptop);
    // Pulled settings show in the open screen, without a reload.
    await expect(laptop.getByLabel('Title template')).toHaveValue('{week}.{yy}', {
      timeout: 15_000,
    });
    await expect(laptop.getByLabel('Series number')).toHaveValue('7');
  } finally {
    await phoneContext.close();
    await laptopContext.close();
  }
});

test('a setting changed on two devices at once shows both, and this device’s can be chosen', async ({
  page,
}) => {
  await page.goto('/settings');
  await page.getByRole('textbox', { name: 'Title template' }).fill('Phone notes {week}');
  await expect.poll(() => savedSetting(page, 'titleTemplate')).toBe('Phone notes {week}');
  // As a sync that met another device's change leaves it: the server's value in use, ours kept.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('weeknotes');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['settings', 'syncMeta'], 'readwrite');
          tx.objectStore('settings').put({
            key: 'titleTemplate',
            value: 'Laptop notes {week}',
            updatedAt: '2026-11-20T10:00:00.000Z',
          });
          tx.objectStore('syncMeta').put({
            key: 'settingClashes',
            value: [
              {
                key: 'titleTemplate',
                kept: 'Laptop notes {week}',
                mine: 'Phone notes {week}',
                at: '2026-11-20T10:00:00.000Z',
              },
            ],
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
  await page.reload();
  const clashes = page.getByRole('region', { name: 'Changed on two devices at once' });
  await expect(clashes).toContainText('In use“Laptop notes {week}”');
  await expect(clashes).toContainText('This device had“Phone notes {week}”');
  await expect(page.getByRole('textbox', { name: 'Title template' })).toHaveValue(
    'Laptop notes {week}',
  );
  await clashes.getByRole('button', { name: 'Use this device’s title template' }).click();
  await expect(clashes).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Title template' })).toHaveValue(
    'Phone notes {week}',
  );
  await expect.poll(() => savedSetting(page, 'titleTemplate')).toBe('Phone notes {week}');
});

test('draft settings: theme headings, a word target and the names tags read as', async ({
  page,
}) => {
  await page.clock.setFixedTime(FRIDAY);
  await page.goto('/');
  await capture(page, 'Eligibility checker went live #BlueBadge');
  await page.goto('/write');
  await page.getByRole('button', { name: 'Gather by tag' }).click();
  const theme = page.getByRole('textbox', { name: 'Theme name' });
  await expect(theme).toHaveValue('Blue Badge');
  await theme.fill('Blue Badge parking');
  await theme.press('Tab');
  // The name is saved on change; a full navigation started before the write lands would abort it.
  await expect
    .poll(() => savedSetting(page, 'tagNames'))
    .toEqual({ bluebadge: 'Blue Badge parking' });

  await page.goto('/settings');
  await page.getByRole('checkbox', { name: 'Put a heading over each theme' }).check();
  await page.getByRole('spinbutton', { name: 'Word target' }).fill('500');
  await expect(page.getByRole('textbox', { name: '#bluebadge' })).toHaveValue('Blue Badge parking');
  await expect.poll(() => savedSetting(page, 'wordTarget')).toBe(500);
  await expect.poll(() => savedSetting(page, 'themeHeadings')).toBe(true);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Put a heading over each theme' })).toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'Word target' })).toHaveValue('500');

  await page.goto('/write');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  const body = page.getByRole('textbox', { name: 'Weeknote in Markdown' });
  await expect(body).toHaveValue(/## Blue Badge parking\n\nEligibility checker went live/);
  await expect(page.locator('.word-count')).toHaveText(/^\d+ \/ 500 words$/);

  // Forgetting the name brings back the words the tag itself makes.
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Forget the name for #bluebadge' }).click();
  await expect(page.getByText('A tag like #BlueBadge reads as “Blue Badge”.')).toBeVisible();
  expect(await savedSetting(page, 'tagNames')).toEqual({});
});
