import { capture, captureBox, expect, test, todaysMoments, waitForServiceWorker } from './fixtures';

test('with no network the app loads, captures, and keeps the capture', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await capture(page, 'Online first');

  await context.setOffline(true);
  await page.reload();
  await expect(captureBox(page)).toBeVisible();
  await expect(todaysMoments(page).filter({ hasText: 'Online first' })).toHaveCount(1);
  await capture(page, 'Captured on the train with no signal');

  await page.reload();
  await expect(
    todaysMoments(page).filter({ hasText: 'Captured on the train with no signal' }),
  ).toHaveCount(1);

  // Deep links open offline too.
  await page.goto('/week');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Week beginning/);
  await expect(page.getByText('Captured on the train with no signal')).toBeVisible();
  await context.setOffline(false);
});
