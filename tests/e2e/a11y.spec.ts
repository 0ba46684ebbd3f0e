import AxeBuilder from '@axe-core/playwright';
import { capture, expect, test } from './fixtures';

const screens = [
  { name: 'capture', path: '/' },
  { name: 'week', path: '/week' },
  { name: 'settings', path: '/settings' },
  { name: 'not found', path: '/no-such-page' },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const screen of screens) {
    test(`axe finds no violations on ${screen.name} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await capture(page, 'Met @Priya about #hiring');
      await page.goto(screen.path);
      await expect(page.locator('main h1')).toBeAttached();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }
}

test('axe finds no violations while editing and with the undo toast', async ({ page }) => {
  // Reduced motion: the "Saved ✓" tick shows or hides at once, never read half faded.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await capture(page, 'One');
  await capture(page, 'Two');
  await page
    .getByRole('button', { name: /^More actions for moment from/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page
    .getByRole('button', { name: /^More actions for moment from/ })
    .first()
    .click();
  // The open menu is checked too.
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: /^Edit moment from/ }).fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
