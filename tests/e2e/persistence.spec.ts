import { capture, expect, test } from './fixtures';

test('persistent storage is asked for once, after the first save, and shown in Settings', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const calls = Number(sessionStorage.getItem('persistCalls') ?? 0);
    sessionStorage.setItem('persistCalls', String(calls));
    const original = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      sessionStorage.setItem(
        'persistCalls',
        String(Number(sessionStorage.getItem('persistCalls')) + 1),
      );
      return original();
    };
  });
  const persistCalls = () => page.evaluate(() => Number(sessionStorage.getItem('persistCalls')));

  await page.goto('/');
  await page.waitForTimeout(300);
  expect(await persistCalls()).toBe(0);
  await capture(page, 'First moment');
  await expect.poll(persistCalls).toBe(1);
  await capture(page, 'Second moment');
  await page.reload();
  await capture(page, 'After a reload');
  await page.waitForTimeout(300);
  expect(await persistCalls()).toBe(1);

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.locator('#persistence-status')).toContainText(/Kept|Not guaranteed/);
});

test('Settings nudges the writer to install while storage is not guaranteed', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.storage.persisted = () => Promise.resolve(false);
  });
  await page.goto('/settings');
  await expect(page.locator('#persistence-status')).toContainText('Not guaranteed');
  await expect(page.getByText('Install Weeknotes to your home screen')).toBeVisible();
});
