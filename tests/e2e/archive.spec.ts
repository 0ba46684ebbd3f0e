import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { capture, expect, test } from './fixtures';

// Friday 4 December 2026: the week beginning Monday 30 November.
const FRIDAY = new Date('2026-12-04T16:00:00Z');
const LONG_ADDRESS =
  'https://weeknotes.example.org/2026/12/04/weeknote-v1-49-the-week-the-service-centre-reopened-and-everything-else-happened-too';

function body(page: Page) {
  return page.getByRole('textbox', { name: 'Weeknote in Markdown' });
}

/** A week with a moment, compiled into a draft for the week beginning 30 November. */
async function compiledWeek(page: Page): Promise<void> {
  await page.clock.setFixedTime(FRIDAY);
  await page.goto('/');
  await capture(page, 'Walked the reopened service centre with @Priya, who has led the work');
  await page.goto('/write/2026-11-30');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(body(page)).not.toHaveValue('');
}

async function publish(page: Page, address: string): Promise<void> {
  await page.getByRole('button', { name: 'Mark as published' }).click();
  await page.getByLabel('Address of the post (optional)').fill(address);
  await page.getByRole('button', { name: 'Save as published' }).click();
  await expect(page.getByRole('heading', { name: 'Published', exact: true })).toBeVisible();
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('a long published address wraps inside a 360 px screen', async ({ page }) => {
  await compiledWeek(page);
  await publish(page, LONG_ADDRESS);
  const link = page.getByRole('link', { name: LONG_ADDRESS });
  await expect(link).toHaveAttribute('href', LONG_ADDRESS);
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
});

test('a published draft edited afterwards says it changed since it was published', async ({
  page,
}) => {
  await compiledWeek(page);
  await publish(page, 'https://example.org/v1-49');
  const notice = page.getByText('Changed since you published it on 4 December.');
  await expect(
    page.getByText('Published on 4 December at https://example.org/v1-49.'),
  ).toBeVisible();
  await expect(notice).toHaveCount(0);

  await body(page).press('End');
  await body(page).pressSequentially('\n\nOne more thing I forgot.');
  await expect(notice).toBeVisible();
  // It stays after a reload: what was published is kept with the draft.
  await page.reload();
  await expect(notice).toBeVisible();

  await page.getByRole('button', { name: 'I have updated the post' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Published', exact: true })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('copy for blog editor puts the body in, not the title', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await compiledWeek(page);
  const title = await page.getByRole('textbox', { name: 'Title' }).inputValue();
  expect(title).not.toBe('');
  await page.getByRole('button', { name: 'Copy for blog editor' }).click();
  await expect(page.getByText('Copied for pasting into your blog editor.')).toBeVisible();
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item) return { html: '', text: '' };
    return {
      html: await (await item.getType('text/html')).text(),
      text: await (await item.getType('text/plain')).text(),
    };
  });
  expect(copied.html).not.toContain('<h1');
  expect(copied.html).not.toContain(title);
  expect(copied.html).toContain('Week beginning 30 November');
  expect(copied.html).toContain('service centre');
  expect(copied.text).not.toContain(title);
  expect(copied.text.trimEnd()).toBe((await body(page).inputValue()).trimEnd());
});

test('the archive files a note by the month it was published, as a card with its excerpt and post', async ({
  page,
}) => {
  // A draft for the week beginning 16 November, never published.
  await page.clock.setFixedTime(new Date('2026-11-18T10:00:00Z'));
  await page.goto('/');
  await capture(page, 'Budget review with the finance team');
  await page.goto('/write/2026-11-16');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(body(page)).not.toHaveValue('');

  await compiledWeek(page);
  const title = await page.getByRole('textbox', { name: 'Title' }).inputValue();
  await publish(page, LONG_ADDRESS);

  await page.goto('/archive');
  const months = page.getByRole('heading', { level: 2 });
  await expect(months).toHaveText(['December 2026', 'November 2026']);

  const december = page.getByRole('region', { name: 'December 2026' });
  const card = december.getByRole('listitem');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Week beginning 30 November');
  await expect(card).toContainText('Published 4 December');
  const excerpt = card.locator('.archive-excerpt');
  await expect(excerpt).toContainText('Walked the reopened service centre with Priya');
  await expect(excerpt).not.toContainText('Week beginning');
  await expect(excerpt).not.toContainText('#');
  const post = card.getByRole('link', { name: /^View post/ });
  await expect(post).toHaveAttribute('href', LONG_ADDRESS);
  await expect(post).toHaveAttribute('rel', 'noopener noreferrer');

  const november = page.getByRole('region', { name: 'November 2026' });
  await expect(november.getByRole('listitem')).toContainText('Week beginning 16 November');
  await expect(november.getByRole('listitem')).toContainText('Draft');
  await expect(november.getByRole('link', { name: /^View post/ })).toHaveCount(0);
  expect(await pageWidth(page)).toBeLessThanOrEqual(360);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await card.getByRole('link', { name: title, exact: true }).click();
  await expect(page).toHaveURL(/\/write\/2026-11-30$/);
});
