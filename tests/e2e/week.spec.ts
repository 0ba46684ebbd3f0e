import { capture, expect, test } from './fixtures';

test('the week groups moments by day under "Week beginning", and moves between weeks', async ({
  page,
}) => {
  // Wednesday 18 November 2026, 09:00 in London.
  await page.clock.setFixedTime(new Date('2026-11-18T09:00:00Z'));
  await page.goto('/');
  await capture(page, 'Wednesday standup with @Ana');
  await page.getByRole('link', { name: 'Week', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week beginning 16 November');
  await expect(page.getByText('Week 47, 2026 (this week)')).toBeVisible();
  const day = page.getByRole('region', { name: 'Wednesday 18 November' });
  await expect(day).toContainText('Wednesday standup with @Ana');

  await page.getByRole('link', { name: /^Earlier/ }).click();
  await expect(page).toHaveURL(/\/week\/2026-11-09$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week beginning 9 November');
  await expect(page.getByText('No moments this week.')).toBeVisible();
  await page.getByRole('button', { name: 'This week' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week beginning 16 November');
});

test('a week across the year end is numbered by ISO rules', async ({ page }) => {
  await page.goto('/week/2027-01-01');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /Week beginning 28 December( 2026)?/,
  );
  await expect(page.getByText(/Week 53, 2026/)).toBeVisible();
  await page.getByRole('link', { name: /^Later/ }).click();
  await expect(page.getByText(/Week 1, 2027/)).toBeVisible();
});

test('the week start follows the setting', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-18T09:00:00Z'));
  await page.goto('/settings');
  await page.getByLabel('Weeks start on').selectOption('Sunday');
  await page.getByRole('link', { name: 'Week', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week beginning 15 November');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week beginning 15 November');
});

test('search finds moments across all weeks, by word and by person', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2025-03-04T09:00:00Z'));
  await page.goto('/');
  await capture(page, 'Budget review with @Priya');
  await page.clock.setFixedTime(new Date('2026-11-18T09:00:00Z'));
  await page.goto('/');
  await capture(page, 'Coffee with @Sam');
  await page.goto('/week');
  const search = page.getByRole('searchbox', { name: 'Search all weeks' });
  await search.fill('priya');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('Budget review with @Priya');
  await expect(results).toContainText('Tuesday 4 March 2025');
  await search.fill('coff');
  await expect(results).toContainText('Coffee with @Sam');
  await search.fill('nothing-like-this');
  await expect(results).toContainText('No moments match.');
});
