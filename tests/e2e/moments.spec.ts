import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { capture, captureBox, expect, test, todaysMoments } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

/** Presses Tab until the focused element has the given accessible name (at most `limit` times). */
async function tabTo(page: Page, name: RegExp, limit = 12): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

test('the moment menu works by keyboard alone: open, move, delete, undo', async ({ page }) => {
  await capture(page, 'Deleted by keyboard');
  const item = todaysMoments(page).first();
  const time = (await item.locator('time').textContent()) ?? '';
  const menuButton = item.getByRole('button', { name: `More actions for moment from ${time}` });
  await expect(menuButton).toHaveAttribute('aria-haspopup', 'menu');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

  await expect(captureBox(page)).toBeFocused();
  await tabTo(page, /^More actions for moment from/);
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Edit', 'Delete']);
  await expect(menu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();

  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

  // Space opens it too; the arrows wrap round.
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(todaysMoments(page)).toHaveCount(0);
  await expect(page.getByRole('status').getByText('Moment deleted.')).toBeVisible();
  // With no moment left, focus returns to the capture box; the Undo is a few Tabs on.
  await expect(captureBox(page)).toBeFocused();
  await tabTo(page, /^Undo$/);
  await page.keyboard.press('Enter');
  await expect(todaysMoments(page).filter({ hasText: 'Deleted by keyboard' })).toHaveCount(1);
});

test('after a delete, focus moves to the next moment', async ({ page }) => {
  await capture(page, 'Older');
  await capture(page, 'Newer');
  const newer = todaysMoments(page).filter({ hasText: 'Newer' });
  await newer.getByRole('button', { name: /^More actions/ }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(todaysMoments(page)).toHaveCount(1);
  await expect(
    todaysMoments(page).filter({ hasText: 'Older' }).getByRole('button', { name: /^More/ }),
  ).toBeFocused();
});

test('a tap outside closes the menu', async ({ page }) => {
  await capture(page, 'Menu then tap away');
  await page.getByRole('button', { name: /^More actions/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByRole('heading', { name: /^Today/ }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(todaysMoments(page)).toHaveCount(1);
});

test('web addresses in a moment are links that open safely; other schemes are text', async ({
  page,
}) => {
  await capture(page, 'Plan at https://example.org/plan?v=2. See (https://example.org/b) too');
  const item = todaysMoments(page).first();
  const links = item.getByRole('link');
  await expect(links).toHaveCount(2);
  const first = item.getByRole('link', { name: 'https://example.org/plan?v=2' });
  await expect(first).toHaveAttribute('href', 'https://example.org/plan?v=2');
  await expect(first).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(first).toHaveAttribute('target', '_blank');
  await expect(item.getByRole('link', { name: 'https://example.org/b' })).toBeVisible();
  // The full stop and the bracket stay as text.
  await expect(item.locator('.moment-text')).toHaveText(
    'Plan at https://example.org/plan?v=2. See (https://example.org/b) too',
  );

  await capture(page, 'javascript:alert(document.cookie) and data:text/html,hi');
  const unsafe = todaysMoments(page).filter({ hasText: 'javascript:alert' });
  await expect(unsafe.locator('a')).toHaveCount(0);
  await expect(unsafe).toContainText('javascript:alert(document.cookie)');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: capture with both chips on, flagged moments, a link and the menu open (${scheme})`, async ({
    page,
  }) => {
    // Reduced motion: the "Saved ✓" tick then shows or hides at once, and axe never reads it
    // half faded.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.getByRole('checkbox', { name: 'Private' }).check();
    await capture(page, 'Private note about @Sam');
    await page.getByRole('checkbox', { name: 'Next week' }).check();
    await capture(page, 'Next week: read https://example.org/a #plans');
    await page.getByRole('checkbox', { name: 'Next week' }).check();
    await page.getByRole('checkbox', { name: 'Private' }).check();
    await expect(page.locator('.saved-tick')).toBeVisible();
    await page
      .getByRole('button', { name: /^More actions/ })
      .first()
      .click();
    await expect(page.getByRole('menu')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}
