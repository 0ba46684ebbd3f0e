import { readFileSync } from 'node:fs';
import { capture, captureBox, expect, test, todaysMoments } from './fixtures';

test('when a write fails for lack of space, the writer is told and keeps the text', async ({
  page,
}) => {
  await page.goto('/');
  await capture(page, 'Saved before the disk filled');
  // Every IndexedDB write from now on fails the way a full disk does.
  await page.evaluate(() => {
    const fail = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.add = fail;
    IDBObjectStore.prototype.put = fail;
  });
  await captureBox(page).fill('This must not vanish');
  await captureBox(page).press('Enter');
  await expect(page.getByRole('alert')).toContainText('out of storage space');
  await expect(captureBox(page)).toHaveValue('This must not vanish');
  await expect(todaysMoments(page)).toHaveCount(1);
  // The text can be taken out of the app as a file, while the disk is still full.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unsaved text' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^weeknotes-unsaved-.*\.txt$/);
  expect(readFileSync(await download.path(), 'utf8')).toBe('This must not vanish');
});

test('when the draft cannot be saved for lack of space, the draft can still be downloaded', async ({
  page,
}) => {
  await page.goto('/write');
  await page.getByRole('button', { name: 'Start a blank weeknote' }).click();
  const body = page.getByRole('textbox', { name: 'Weeknote in Markdown' });
  await expect(body).not.toHaveValue('');
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await body.click();
  await page.keyboard.press('Control+End');
  await body.pressSequentially('Written on a full disk.');
  await expect(page.getByRole('alert')).toContainText('out of storage space');
  await expect(body).toHaveValue(/Written on a full disk\.$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unsaved text' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toMatch(/Written on a full disk\.$/);
});

test('when IndexedDB cannot be opened, the writer is told and can still type', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('A mutation operation was attempted', 'InvalidStateError');
    };
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('will not let Weeknotes store anything');
  await captureBox(page).fill('Typed in private browsing');
  await captureBox(page).press('Enter');
  await expect(captureBox(page)).toHaveValue('Typed in private browsing');
});
