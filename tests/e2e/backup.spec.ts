import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
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

/** How many moments this page's IndexedDB holds. */
function storedMoments(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('weeknotes');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('moments')) return resolve(0);
          const count = db.transaction('moments').objectStore('moments').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
}

test('a backup encrypted with a passphrase holds no text, and restores only with that passphrase', async ({
  page,
  browser,
  baseURL,
}) => {
  const secret = 'Tenant case at Elm Court, not for publishing #housing';
  const passphrase = 'granite kettle orchard sparrow';
  await page.goto('/');
  await capture(page, secret);
  await page.goto('/settings');
  const card = page.getByRole('region', { name: 'Backup' });
  await card.getByRole('checkbox', { name: 'Encrypt this backup with a passphrase' }).check();
  const first = card.getByLabel('Passphrase', { exact: true });
  const again = card.getByLabel('Type the passphrase again');
  const download = card.getByRole('button', { name: 'Download an encrypted backup' });

  await first.fill('kettle');
  await expect(first).toHaveAccessibleDescription('At least 12 characters: 6 more.');
  await download.click();
  await expect(card.getByRole('alert')).toHaveText('The passphrase needs at least 12 characters.');
  await expect(first).toBeFocused();
  await first.fill(passphrase);
  await expect(first).toHaveAccessibleDescription('Strong.');
  await again.fill(`${passphrase}s`);
  await download.click();
  await expect(card.getByRole('alert')).toHaveText(
    'The two passphrases are not the same. Type it again.',
  );
  await expect(again).toBeFocused();
  await again.fill(passphrase);
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(again).not.toHaveAttribute('aria-invalid', 'true');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await card.screenshot({ path: test.info().outputPath(`encrypt-${scheme}.png`) });
    expect(
      (await new AxeBuilder({ page }).include('.settings-card:has(#backup-settings)').analyze())
        .violations,
    ).toEqual([]);
  }
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^weeknotes-backup-\d{4}-\d{2}-\d{2}-encrypted\.json$/);
  await expect(card.getByRole('status')).toContainText(
    'Encrypted backup of 1 moment and 0 drafts downloaded.',
  );
  await expect(first).toHaveCount(1);
  await expect(first).toHaveValue('');
  const text = readFileSync(await file.path(), 'utf8');
  for (const word of ['Tenant', 'Elm Court', 'housing', '"moments"'])
    expect(text).not.toContain(word);
  const sealed = JSON.parse(text) as { format: string; kdf: { iterations: number }; data: string };
  expect(sealed).toMatchObject({
    format: 'weeknotes-backup-encrypted',
    kdf: { iterations: 600000 },
  });

  const other = await browser.newContext({ baseURL });
  const fresh = await other.newPage();
  await fresh.goto('/settings');
  const restoreCard = fresh.getByRole('region', { name: 'Backup' });
  const restorePassphrase = restoreCard.getByLabel('Passphrase for this backup');
  const open = restoreCard.getByRole('button', { name: 'Open and restore' });

  // A file altered after it was made is refused, whatever the passphrase.
  const middle = Math.floor(sealed.data.length / 2);
  const altered = {
    ...sealed,
    data:
      sealed.data.slice(0, middle) +
      (sealed.data[middle] === 'A' ? 'B' : 'A') +
      sealed.data.slice(middle + 1),
  };
  await restoreCard.getByLabel('Restore from a backup file').setInputFiles({
    name: 'altered.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(altered)),
  });
  await expect(restorePassphrase).toBeFocused();
  await restorePassphrase.fill(passphrase);
  await open.click();
  await expect(restoreCard.getByRole('alert')).toHaveText(
    'This backup has been altered or damaged since it was made, so it was not restored. Nothing on this device was changed.',
  );
  await restoreCard.getByRole('button', { name: 'Cancel' }).click();
  await expect(restorePassphrase).toHaveCount(0);

  await restoreCard.getByLabel('Restore from a backup file').setInputFiles(await file.path());
  await expect(restoreCard).toContainText('is encrypted. Type the passphrase it was made with.');
  await restorePassphrase.fill('granite kettle orchard sparrows');
  await open.click();
  await expect(restoreCard.getByRole('alert')).toHaveText(
    'That passphrase does not open this backup. Check it and try again. Nothing on this device was changed.',
  );
  expect(await storedMoments(fresh)).toBe(0);
  for (const scheme of ['light', 'dark'] as const) {
    await fresh.emulateMedia({ colorScheme: scheme });
    await restoreCard.screenshot({
      path: test.info().outputPath(`wrong-passphrase-${scheme}.png`),
    });
  }

  await restorePassphrase.fill(passphrase);
  await open.click();
  await expect(restoreCard.getByRole('status')).toHaveText(
    'Restored 1 moment and 0 drafts; 0 were already here.',
  );
  await expect(restorePassphrase).toHaveCount(0);
  await expect(restoreCard.getByLabel('Restore from a backup file')).toBeFocused();
  await fresh.goto('/');
  await expect(todaysMoments(fresh)).toHaveText([new RegExp(secret.split(',')[0]!)]);
  await other.close();
});
