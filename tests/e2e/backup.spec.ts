import { readFileSync } from 'node:fs';
import { capture, expect, test, todaysMoments } from './fixtures';

test('a backup downloaded on one device restores into an empty one, and twice changes nothing', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/');
  await capture(page, 'Backed up #safe');
  await capture(page, 'Also backed up with @Sam');
  await page.goto('/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^weeknotes-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();

  const other = await browser.newContext({ baseURL });
  const fresh = await other.newPage();
  await fresh.goto('/settings');
  await fresh.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(
    fresh.getByText('Restored 2 moments and 0 drafts; 0 were already here.'),
  ).toBeVisible();
  await fresh.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(
    fresh.getByText('Restored 0 moments and 0 drafts; 2 were already here.'),
  ).toBeVisible();
  await fresh.goto('/');
  await expect(todaysMoments(fresh)).toHaveCount(2);

  await fresh.goto('/settings');
  await fresh.getByLabel('Restore from a backup file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ some: 'other app' })),
  });
  await expect(fresh.getByRole('alert')).toHaveText('This file is not a Weeknotes backup.');
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
    format: 'weeknotes-backup',
    version: 1,
  });
  await other.close();
});
