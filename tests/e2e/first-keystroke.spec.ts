import type { Page } from '@playwright/test';
import { captureBox, expect, test, todaysMoments } from './fixtures';
import { holdBack } from './hold-back';

// The capture box is in the page's HTML (prerendered at build time), so it is visible, focused
// and typeable before any script has run; the app then takes it over without losing a letter.
// The service worker is blocked here so the page's requests can be held back on the way.
test.use({ serviceWorkers: 'block' });

/** Moments in IndexedDB (deleted or not), read without the app's code. */
async function storedMoments(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('weeknotes');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const all = open.result.transaction('moments').objectStore('moments').getAll();
          all.onsuccess = () => resolve((all.result as { text: string }[]).map((m) => m.text));
          all.onerror = () => reject(new Error('could not read moments'));
        };
      }),
  );
}

test('the box works before the scripts arrive, and keeps what was typed once they do', async ({
  page,
}) => {
  const scripts = await holdBack(page, /\/assets\/main-[^/]+\.js$/);
  await page.goto('/', { waitUntil: 'commit' });
  await expect(captureBox(page)).toBeVisible();
  await expect(captureBox(page)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Private' })).toBeVisible();

  await page.keyboard.type('Thought before the scripts');
  await captureBox(page).press('ArrowLeft');
  await expect(captureBox(page)).toHaveValue('Thought before the scripts');
  expect(scripts.held).toHaveLength(1);
  // No script has run: today's list, which the app adds, is not there.
  await expect(page.getByRole('region', { name: 'Today' })).toHaveCount(0);

  scripts.release();
  await expect(page.getByRole('region', { name: 'Today' })).toBeVisible();
  await expect(captureBox(page)).toHaveValue('Thought before the scripts');
  await expect(captureBox(page)).toBeFocused();
  // The cursor is where the writer left it, one letter from the end.
  expect(await captureBox(page).evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
    'Thought before the scripts'.length - 1,
  );
  await page.keyboard.press('End');
  await page.keyboard.type(', then more');
  await page.keyboard.press('Enter');
  await expect(captureBox(page)).toHaveValue('');
  await expect(todaysMoments(page)).toHaveCount(1);
  await expect(todaysMoments(page).first()).toContainText('Thought before the scripts, then more');
});

test('the page is styled and focused before its stylesheet arrives; the app draws the icons', async ({
  page,
}) => {
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  const sheet = await holdBack(page, /\/assets\/main-[^/]+\.css$/);
  await page.goto('/', { waitUntil: 'commit' });
  await expect(captureBox(page)).toBeFocused();
  // Styled by the page's inline CSS alone: the tab bar sits at the bottom, the card has its border.
  await expect(page.locator('nav.tabs-nav')).toHaveCSS('position', 'fixed');
  await expect(page.locator('.capture-card')).toHaveCSS('border-top-style', 'solid');
  await expect(page.locator('nav.tabs-nav svg')).toHaveCount(0);
  await page.keyboard.type('Styled before the stylesheet');
  await expect.poll(() => sheet.held.length).toBe(1);

  sheet.release();
  await expect(page.getByRole('region', { name: 'Today' })).toBeVisible();
  await expect(page.locator('nav.tabs-nav svg')).toHaveCount(5);
  await expect(page.locator('.icon-slot')).toHaveCount(0);
  await expect(page.locator('link[data-full-css]')).toHaveAttribute('media', 'all');
  await expect(captureBox(page)).toHaveValue('Styled before the stylesheet');
  await expect(captureBox(page)).toBeFocused();
  expect(refused).toEqual([]);
});

test('text typed and saved before storage opens is saved exactly once', async ({ page }) => {
  // Dexie and the database schema come in their own file, loaded after the first keystroke.
  const storage = await holdBack(page, /\/assets\/schema-[^/]+\.js$/);
  await page.goto('/');
  await expect(captureBox(page)).toBeFocused();
  await page.keyboard.type('Saved before storage opened');
  await page.keyboard.press('Enter');
  // A second Enter while the first save waits must not save the same text twice.
  await page.keyboard.press('Enter');
  await expect.poll(() => storage.held.length).toBeGreaterThan(0);
  await expect(captureBox(page)).toHaveValue('Saved before storage opened');

  storage.release();
  await expect(captureBox(page)).toHaveValue('');
  await expect(todaysMoments(page)).toHaveCount(1);
  expect(await storedMoments(page)).toEqual(['Saved before storage opened']);
});

test('other screens open without the capture box', async ({ page }) => {
  const scripts = await holdBack(page, /\/assets\/main-[^/]+\.js$/);
  await page.goto('/week', { waitUntil: 'commit' });
  await expect.poll(() => scripts.held.length).toBe(1);
  await expect(captureBox(page)).toHaveCount(0);
  scripts.release();
  await expect(page.getByRole('heading', { level: 1, name: /^Week/ })).toBeVisible();
  await expect(captureBox(page)).toHaveCount(0);
});

test('Enter and a flag before the app has arrived save once it does, as private', async ({
  page,
}) => {
  // The app itself loads at the first keystroke; held back, only the page's own form is there.
  const app = await holdBack(page, /\/assets\/boot-[^/]+\.js$/);
  await page.goto('/');
  await expect(captureBox(page)).toBeFocused();
  await page.keyboard.type('Saved the moment the app arrived');
  await page.getByRole('checkbox', { name: 'Private' }).check();
  await captureBox(page).press('Enter');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => app.held.length).toBe(1);
  // Enter added no line, and Save did not send the page anywhere.
  await expect(captureBox(page)).toHaveValue('Saved the moment the app arrived');
  await expect(page).toHaveURL(/\/$/);

  app.release();
  await expect(captureBox(page)).toHaveValue('');
  await expect(todaysMoments(page)).toHaveCount(1);
  await expect(todaysMoments(page).first()).toContainText('Private');
  expect(await storedMoments(page)).toEqual(['Saved the moment the app arrived']);
});
