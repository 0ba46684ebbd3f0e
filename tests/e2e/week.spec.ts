import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { capture, expect, test } from './fixtures';

const WEDNESDAY = new Date('2026-11-18T09:00:00Z');

/** Captures moments on Wednesday 18 November 2026 and opens that week. */
async function weekWith(page: Page, texts: string[]): Promise<void> {
  await page.clock.setFixedTime(WEDNESDAY);
  await page.goto('/');
  for (const text of texts) await capture(page, text);
  await page.goto('/week');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week beginning 16 November');
}

/** The number shown in the week's stats beside a label such as "moments". */
function stat(page: Page, label: string) {
  return page
    .locator('.week-stats > div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');
}

/** The moments the week shows, by day (not search results). */
function weekMoments(page: Page) {
  return page.locator('.day').getByRole('listitem');
}

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
  await page.getByRole('link', { name: 'This week' }).click();
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

test('each day says how many moments it has', async ({ page }) => {
  await weekWith(page, ['One', 'Two', 'Three']);
  await expect(page.getByRole('heading', { level: 2, name: /^Wednesday 18 November/ })).toHaveText(
    'Wednesday 18 November · 3 moments',
  );
  await expect(stat(page, 'moments')).toHaveText('3');
});

test('a long moment shows two lines, and opens out with Show more or a tap', async ({ page }) => {
  const long =
    'Spent most of the morning in the service centre with the team, walking through the new ' +
    'layout, the queueing and the signs. Lots to like; the reception desk still needs work and ' +
    'we agreed to try a pop-up desk by the door for a fortnight before deciding anything.';
  await weekWith(page, [long, 'Short one']);
  const item = weekMoments(page).filter({ hasText: 'Spent most of the morning' });
  const text = item.locator('.moment-text');
  const sizes = () => text.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  const lineHeight = await text.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  const clamped = await sizes();
  expect(clamped.client).toBeLessThanOrEqual(Math.ceil(lineHeight * 2) + 1);
  expect(clamped.scroll).toBeGreaterThan(clamped.client + 2);
  const more = item.getByRole('button', { name: /^Show more/ });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  // A short moment has nothing to open.
  await expect(
    weekMoments(page).filter({ hasText: 'Short one' }).getByRole('button', { name: /^Show/ }),
  ).toHaveCount(0);

  await more.click();
  const less = item.getByRole('button', { name: /^Show less/ });
  await expect(less).toHaveAttribute('aria-expanded', 'true');
  const open = await sizes();
  expect(open.client).toBeGreaterThan(clamped.client);
  expect(open.scroll).toBeLessThanOrEqual(open.client + 1);

  await less.click();
  await expect(item.getByRole('button', { name: /^Show more/ })).toBeVisible();
  await text.tap();
  await expect(item.getByRole('button', { name: /^Show less/ })).toBeVisible();
});

test('a moment opened in the editor and left unchanged still folds when the screen narrows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const text =
    'Walked the new reception layout with the team this morning and agreed to trial a pop-up ' +
    'desk by the door for a fortnight.';
  await weekWith(page, [text]);
  const item = weekMoments(page).filter({ hasText: 'Walked the new reception' });
  // Wide, it fits in two lines: nothing to open.
  await expect(item.getByRole('button', { name: /^Show more/ })).toHaveCount(0);
  await item.getByRole('button', { name: /^More actions/ }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  // The text drawn after the editor is a new element: it is watched as the old one was.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(item.getByRole('button', { name: /^Show more/ })).toBeVisible();
});

test('tags and people filter the week, from the chips or from a moment', async ({ page }) => {
  await weekWith(page, [
    'Walked the depot #parking',
    'Hiring panel with @Priya #hiring',
    '@Priya on #parking fines',
  ]);
  await expect(stat(page, 'moments')).toHaveText('3');
  await expect(stat(page, 'person')).toHaveText('1');
  await expect(stat(page, 'tags')).toHaveText('2');
  await expect(weekMoments(page)).toHaveCount(3);

  const chips = page.getByRole('group', { name: 'Tags and people this week' });
  await chips.getByRole('button', { name: 'Filter by #parking' }).click();
  await expect(weekMoments(page)).toHaveCount(2);
  await expect(chips.getByRole('button', { name: 'Filter by #parking' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const bar = page.locator('.filter-bar');
  await expect(bar).toContainText('Showing #parking · 2 moments');
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(
    'Showing 2 moments with #parking.',
  );
  await bar.getByRole('button', { name: 'Clear filter' }).click();
  await expect(weekMoments(page)).toHaveCount(3);
  await expect(bar).toHaveCount(0);
  // The button went with the bar: focus lands on the week's heading, not on nothing.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // Tapping a person in a moment narrows the week to them.
  await weekMoments(page)
    .filter({ hasText: 'Hiring panel' })
    .getByRole('button', { name: '@Priya' })
    .tap();
  await expect(weekMoments(page)).toHaveCount(2);
  await expect(bar).toContainText('Showing @Priya');
  await expect(page.getByRole('heading', { level: 2, name: /^Wednesday/ })).toContainText(
    '2 moments',
  );

  // Another week starts unfiltered.
  await page.getByRole('link', { name: /^Earlier/ }).click();
  await expect(page.getByText('No moments this week.')).toBeVisible();
  await page.getByRole('link', { name: 'This week' }).click();
  await expect(weekMoments(page)).toHaveCount(3);
  await expect(bar).toHaveCount(0);
});

test('seven moments fit in well under two thousand pixels', async ({ page }) => {
  const sentence =
    'Met the team about the budget and the plan for the new year, with a long note on what ' +
    'went well and what did not go so well #budget @Sam';
  await weekWith(
    page,
    Array.from({ length: 7 }, (_, i) => `${i + 1}. ${sentence}`),
  );
  await expect(weekMoments(page)).toHaveCount(7);
  const height = await page
    .locator('.day')
    .evaluateAll((days) => days.reduce((sum, d) => sum + d.getBoundingClientRect().height, 0));
  expect(height).toBeLessThan(1000);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: a private, a next-week and an opened moment, filtered, with a menu open (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.clock.setFixedTime(WEDNESDAY);
    await page.goto('/');
    await page.getByRole('checkbox', { name: 'Private' }).check();
    await capture(page, 'Tenant case with @Ana #housing');
    await page.getByRole('checkbox', { name: 'Next week' }).check();
    await capture(
      page,
      `Plan the #housing review, see https://example.org/${'x'.repeat(80)} ${'and more words '.repeat(12)}`,
    );
    await page.goto('/week');
    const chips = page.getByRole('group', { name: 'Tags and people this week' });
    await chips.getByRole('button', { name: 'Filter by #housing' }).click();
    await page.getByRole('button', { name: /^Show more/ }).click();
    await page
      .getByRole('button', { name: /^More actions/ })
      .first()
      .click();
    await expect(page.getByRole('menu')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}
