import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { capture, expect, test } from './fixtures';

const LONG_WORD = 'Supercalifragilisticexpialidocious'.repeat(2);
const LONG_URL = `https://example.org/${'a-very-long-path-segment/'.repeat(6)}?with=query&and=more`;

/** A week with long words and addresses in it, compiled into a draft. */
async function awkwardWeek(page: Page): Promise<void> {
  await page.goto('/');
  await capture(page, `A word like ${LONG_WORD} in a moment #${LONG_WORD}`);
  await capture(page, `Read ${LONG_URL} with @${LONG_WORD}`);
  await page.goto('/write');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(page.getByRole('textbox', { name: 'Weeknote in Markdown' })).toBeVisible();
}

const SCREENS: [string, string, ((page: Page) => Promise<void>)?][] = [
  ['capture', '/'],
  ['week', '/week'],
  ['write', '/write'],
  [
    'preview',
    '/write',
    async (page) => page.getByRole('button', { name: 'Preview', exact: true }).click(),
  ],
  ['archive', '/archive'],
  ['settings', '/settings'],
];

for (const scheme of ['light', 'dark'] as const) {
  test(`no screen is wider than a 360 px phone, and axe is clean (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await awkwardWeek(page);
    for (const [name, path, then] of SCREENS) {
      await page.goto(path);
      await expect(page.locator('main h1')).toBeAttached();
      if (then) await then(page);
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
          message: `${name} is no wider than the phone`,
        })
        .toBeLessThanOrEqual(360);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations, `axe on ${name}`).toEqual([]);
    }
  });
}

test('moving between screens names the page and puts focus on the new screen', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Capture a moment · Weeknotes');
  // Keyboard only: Tab to the Week tab and press Enter.
  const week = page.getByRole('link', { name: 'Week', exact: true });
  for (let i = 0; i < 40 && !(await week.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/week$/);
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page).toHaveTitle(/^Week beginning .+ · Weeknotes$/);
  // Paging between weeks stays on one screen: focus stays on the link pressed.
  const earlier = page.getByRole('link', { name: /^Earlier/ });
  await earlier.focus();
  const title = await page.title();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveTitle(title);
  await expect(earlier).toBeFocused();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await expect(page).toHaveTitle('Settings · Weeknotes');
  // Capture keeps its own focus: the box.
  await page.getByRole('link', { name: 'Capture' }).click();
  await expect(page.getByRole('textbox', { name: 'What happened?' })).toBeFocused();
});
