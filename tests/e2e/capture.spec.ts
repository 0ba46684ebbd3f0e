import type { Locator, Page } from '@playwright/test';
import { capture, captureBox, expect, test, todaysMoments } from './fixtures';

/** Opens a moment's "More actions" menu and picks Edit or Delete. */
async function momentAction(page: Page, action: 'Edit' | 'Delete', item?: Locator) {
  const scope = item ?? todaysMoments(page).first();
  await scope.getByRole('button', { name: /^More actions for moment from/ }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('the capture box has focus at once, and Enter saves, clears and keeps focus', async ({
  page,
}) => {
  await expect(captureBox(page)).toBeFocused();
  await page.keyboard.type('Met @Priya about the #service-centre');
  await page.keyboard.press('Enter');
  await expect(captureBox(page)).toHaveValue('');
  await expect(captureBox(page)).toBeFocused();
  const item = todaysMoments(page).first();
  await expect(item).toContainText('Met @Priya about the #service-centre');
  await expect(item.locator('.person')).toHaveText('@Priya');
  await expect(item.locator('.tag')).toHaveText('#service-centre');
  await expect(item.locator('time')).toHaveText(/^\d{2}:\d{2}$/);
});

test('Shift+Enter adds a line; newest moment is listed first', async ({ page }) => {
  await capture(page, 'First');
  await captureBox(page).pressSequentially('Line one');
  await captureBox(page).press('Shift+Enter');
  await captureBox(page).pressSequentially('Line two');
  await expect(captureBox(page)).toHaveValue('Line one\nLine two');
  await page.getByRole('button', { name: 'Save', exact: true }).tap();
  await expect(todaysMoments(page)).toHaveCount(2);
  await expect(todaysMoments(page).first().locator('.moment-text')).toHaveText(
    'Line one\nLine two',
  );
  await expect(todaysMoments(page).nth(1)).toContainText('First');
});

test('a capture survives a reload', async ({ page }) => {
  await capture(page, 'Survives a reload #durable');
  await page.reload();
  await expect(todaysMoments(page).filter({ hasText: 'Survives a reload' })).toHaveCount(1);
});

test('text typed but not saved survives a reload', async ({ page }) => {
  await captureBox(page).fill('Half a thought');
  await page.reload();
  await expect(captureBox(page)).toHaveValue('Half a thought');
});

test('empty input is ignored', async ({ page }) => {
  await captureBox(page).fill('   ');
  await captureBox(page).press('Enter');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Nothing yet today.')).toBeVisible();
  await expect(todaysMoments(page)).toHaveCount(0);
});

test('next week and private flags are saved and then reset', async ({ page }) => {
  await captureBox(page).fill('Finish the budget paper');
  await page.getByRole('checkbox', { name: 'Next week' }).check();
  await page.getByRole('checkbox', { name: 'Private' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const item = todaysMoments(page).first();
  await expect(item.locator('.badge')).toHaveText(['Next week', 'Private']);
  await expect(page.getByRole('checkbox', { name: 'Next week' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Private' })).not.toBeChecked();
});

test('a moment can be edited, with its tags found again', async ({ page }) => {
  await capture(page, 'Draft the plan');
  await momentAction(page, 'Edit');
  const editor = page.getByRole('textbox', { name: /^Edit moment from/ });
  await expect(editor).toBeFocused();
  await editor.fill('Drafted the plan with @Sam #strategy');
  await page.getByRole('checkbox', { name: 'Private' }).last().check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const item = todaysMoments(page).first();
  await expect(item).toContainText('Drafted the plan with @Sam #strategy');
  await expect(item.locator('.tag')).toHaveText('#strategy');
  await expect(item.locator('.badge')).toHaveText(['Private']);
  await page.reload();
  await expect(todaysMoments(page).first()).toContainText('Drafted the plan with @Sam');
});

test('Escape cancels an edit and keeps the original', async ({ page }) => {
  await capture(page, 'Original words');
  await momentAction(page, 'Edit');
  await page.getByRole('textbox', { name: /^Edit moment from/ }).fill('Changed my mind');
  await page.keyboard.press('Escape');
  await expect(todaysMoments(page).first()).toContainText('Original words');
  // Focus goes back to where the edit started.
  await expect(
    todaysMoments(page)
      .first()
      .getByRole('button', { name: /^More actions/ }),
  ).toBeFocused();
});

test('delete offers Undo, which brings the moment back', async ({ page }) => {
  await capture(page, 'Keep me after all');
  await momentAction(page, 'Delete');
  await expect(todaysMoments(page)).toHaveCount(0);
  await expect(page.getByRole('status').getByText('Moment deleted.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(todaysMoments(page).filter({ hasText: 'Keep me after all' })).toHaveCount(1);
  await page.reload();
  await expect(todaysMoments(page).filter({ hasText: 'Keep me after all' })).toHaveCount(1);
});

test('a 20,000-character paste is kept whole', async ({ page }) => {
  const long = `Long ${'x'.repeat(19_990)} end`;
  await captureBox(page).fill(long);
  await captureBox(page).press('Enter');
  await expect(captureBox(page)).toHaveValue('');
  await page.reload();
  const text = await todaysMoments(page).first().locator('.moment-text').textContent();
  expect(text).toBe(long);
});

test('a paste past the limit is refused with a message, and the text stays', async ({ page }) => {
  const tooLong = 'y'.repeat(60_000);
  await captureBox(page).fill(tooLong);
  await captureBox(page).press('Enter');
  await expect(page.getByRole('alert')).toContainText('60,000 characters');
  await expect(captureBox(page)).toHaveValue(tooLong);
  await expect(todaysMoments(page)).toHaveCount(0);
});

test('keyboard only: capture with a flag and save without a pointer', async ({ page }) => {
  await expect(captureBox(page)).toBeFocused();
  await page.keyboard.type('Keyboard only #a11y');
  await page.keyboard.press('Tab'); // Next week
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab'); // Private
  await page.keyboard.press('Tab'); // Save
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const item = todaysMoments(page).first();
  await expect(item).toContainText('Keyboard only #a11y');
  await expect(item.locator('.badge')).toHaveText(['Next week']);
  await expect(captureBox(page)).toBeFocused();
});

test('fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
  await capture(page, `A very long word ${'w'.repeat(200)} and #a-long-tag-name`);
  await capture(page, `Sixty letters ${'abcdefghij'.repeat(6)} in one word`);
  await capture(
    page,
    `Read https://example.org/${'a-very-long-path-segment/'.repeat(6)}?query=${'x'.repeat(60)}`,
  );
  for (const path of ['/', '/week', '/settings']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeAttached();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(360);
  }
});

test('the capture box grows with its text instead of scrolling inside', async ({ page }) => {
  const box = captureBox(page);
  const height = async (): Promise<number> => (await box.boundingBox())?.height ?? 0;
  const empty = await height();
  await box.pressSequentially('One');
  for (const line of ['Two', 'Three', 'Four', 'Five', 'Six', 'Seven']) {
    await box.press('Shift+Enter');
    await box.pressSequentially(line);
  }
  await expect.poll(height).toBeGreaterThan(empty + 60);
  const inside = await box.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(inside.scroll).toBeLessThanOrEqual(inside.client + 2);
  // Saving empties it, and it goes back to its first size.
  await box.press('Enter');
  await expect(box).toHaveValue('');
  await expect.poll(height).toBeLessThanOrEqual(empty + 1);
});

test('a visible "Saved ✓" follows a save and then fades away', async ({ page }) => {
  const tick = page.locator('.saved-tick');
  await expect(tick).toHaveCount(0);
  await capture(page, 'Seen to be saved');
  await expect(tick).toBeVisible();
  await expect(tick).toHaveText('Saved ✓');
  // Screen readers hear the status line instead of the tick.
  await expect(tick).toHaveAttribute('aria-hidden', 'true');
  await expect(page.locator('form.capture [role="status"]')).toHaveText('Saved.');
  await expect(tick).toHaveCount(0, { timeout: 5_000 });
});

test('on a touch screen the hint speaks of tapping, not of Shift+Enter', async ({ page }) => {
  const hint = page.locator('#capture-hint');
  // The wording is chosen by a media query, so it is right before any script has run.
  await expect(hint).toHaveText('Use #tags and @names. Tap Save or press Enter.', {
    useInnerText: true,
  });
  await expect(hint).not.toContainText('Shift', { useInnerText: true });
  await expect(captureBox(page)).toHaveAttribute('aria-describedby', /capture-hint/);
});

test('a keyboard on a touch screen switches the hint to the keys', async ({ page }) => {
  await captureBox(page).press('Shift');
  await expect(page.locator('#capture-hint')).toContainText('Shift+Enter starts a new line', {
    useInnerText: true,
  });
});

test.describe('with a mouse and keyboard', () => {
  test.use({ hasTouch: false, isMobile: false });

  test('the hint names the keys', async ({ page }) => {
    const hint = page.locator('#capture-hint');
    await expect(hint).toContainText('Shift+Enter starts a new line', { useInnerText: true });
    await expect(hint).not.toContainText('Tap Save', { useInnerText: true });
  });
});

test('"Today" says which day it is', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00Z'));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: /^Today/ })).toHaveText(
    'Today · Monday 23 November',
  );
});

test('flags are toggle chips: real checkboxes, with a lock and a tint when private', async ({
  page,
}) => {
  const privateBox = page.getByRole('checkbox', { name: 'Private' });
  const chip = page.locator('label.flag').filter({ has: privateBox });
  const before = await chip.evaluate((el) => getComputedStyle(el).backgroundColor);
  await chip.click();
  await expect(privateBox).toBeChecked();
  await expect(chip).toHaveClass(/\bon\b/);
  expect(await chip.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(before);
  await expect(chip.locator('svg[aria-hidden="true"]')).toHaveCount(1);
  await captureBox(page).fill('Tenant case notes');
  await captureBox(page).press('Enter');
  const item = todaysMoments(page).first();
  await expect(item).toHaveClass(/is-private/);
  await expect(item.locator('.badge.private')).toHaveText('Private');
  await expect(item.locator('.badge.private svg')).toHaveAttribute('aria-hidden', 'true');
});
