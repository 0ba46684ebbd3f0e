import type { Page } from '@playwright/test';
import { capture, expect, test } from './fixtures';

function body(page: Page) {
  return page.getByRole('textbox', { name: 'Weeknote in Markdown' });
}

/** A compiled draft for this week, with the cursor at the end of its body. */
async function openDraft(page: Page, moments: string[]): Promise<void> {
  await page.goto('/');
  for (const m of moments) await capture(page, m);
  await page.goto('/write');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await body(page).click();
  await page.keyboard.press('Control+End');
}

/** Waits until the draft in the editor is written to IndexedDB. */
async function saved(page: Page): Promise<void> {
  await expect(page.locator('.save-state')).toHaveAttribute('data-state', 'saved');
}

test('undo after typing a sentence takes back the sentence, not one letter', async ({ page }) => {
  await openDraft(page, ['A moment to compile']);
  const before = await body(page).inputValue();
  await page.keyboard.type(' The service centre reopened on Tuesday.', { delay: 30 });
  await saved(page);
  await expect(page.locator('.word-count')).toHaveText(/\d+ words/);
  await page.keyboard.press('Control+Z');
  await expect(body(page)).toHaveValue(before);
  await page.keyboard.press('Control+Shift+Z');
  await expect(body(page)).toHaveValue(`${before} The service centre reopened on Tuesday.`);
});

test('the toolbar formats by the browser’s own editing, so undo takes it back', async ({
  page,
}) => {
  await openDraft(page, ['A moment to compile']);
  await page.keyboard.type('\n\nBig news');
  await page.keyboard.press('Shift+Home');
  await page.getByRole('button', { name: 'Bold' }).click();
  await expect(body(page)).toHaveValue(/\*\*Big news\*\*$/);
  await page.getByRole('button', { name: 'Heading' }).click();
  await expect(body(page)).toHaveValue(/\n## \*\*Big news\*\*$/);
  await page.keyboard.press('Control+Z');
  await expect(body(page)).toHaveValue(/\n\*\*Big news\*\*$/);
  await page.keyboard.press('Control+Z');
  await expect(body(page)).toHaveValue(/\nBig news$/);
  // The writer's typing is still there and still saved.
  await saved(page);
  await page.reload();
  await expect(body(page)).toHaveValue(/\nBig news$/);
});

test('a paragraph moves up and down by keyboard and by button, and is kept', async ({ page }) => {
  await openDraft(page, ['First thing happened', 'Second thing happened']);
  const text = await body(page).inputValue();
  expect(text.indexOf('First thing')).toBeLessThan(text.indexOf('Second thing'));

  // Put the cursor in the second moment's paragraph and move it up with Alt+ArrowUp.
  await body(page).evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.indexOf('Second thing') + 3;
    el.setSelectionRange(at, at);
  });
  await page.keyboard.press('Alt+ArrowUp');
  let moved = await body(page).inputValue();
  expect(moved.indexOf('Second thing')).toBeLessThan(moved.indexOf('First thing'));
  await expect(page.getByRole('status').filter({ hasText: 'Paragraph moved up.' })).toBeAttached();

  // And back down with the toolbar button, reached by keyboard alone.
  await page.getByRole('button', { name: 'Move paragraph down' }).focus();
  await page.keyboard.press('Enter');
  moved = await body(page).inputValue();
  expect(moved).toBe(text);
  await saved(page);
  await page.reload();
  await expect(body(page)).toHaveValue(text);
});

test('the editor grows with its text instead of scrolling inside the page', async ({ page }) => {
  await openDraft(page, ['A moment to compile']);
  const box = body(page);
  const before = await box.evaluate((el) => el.clientHeight);
  await page.keyboard.type('\n\nline'.repeat(30));
  const after = await box.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
  expect(after.client).toBeGreaterThan(before);
  expect(after.scroll).toBeLessThanOrEqual(after.client + 2);
});

test('a word target shows progress and is kept', async ({ page }) => {
  await openDraft(page, ['One two three four five']);
  await page.getByRole('button', { name: 'Set a word target' }).click();
  await page.getByRole('spinbutton', { name: 'Word target' }).fill('800');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(page.locator('.word-count')).toHaveText(/^\d+ \/ 800 words$/);
  await page.reload();
  await expect(page.locator('.word-count')).toHaveText(/^\d+ \/ 800 words$/);
  await page.getByRole('button', { name: 'Change target' }).click();
  await page.getByRole('spinbutton', { name: 'Word target' }).fill('-3');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('whole number of words');
});
