import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, test, draftSaved, captureAt, savedSetting } from './fixtures';

// Week 47 of 2026: Monday 16 to Sunday 22 November, in London.
const MONDAY = new Date('2026-11-16T09:00:00Z');
const WEDNESDAY = new Date('2026-11-18T12:30:00Z');
const FRIDAY = new Date('2026-11-20T16:00:00Z');

async function setSeries(page: Page): Promise<void> {
  await page.goto('/settings');
  await page.getByLabel('Title template').fill('Weeknote v{series}.{week}');
  await page.getByLabel('Series number').fill('10');
  await expect(page.getByText('This week: “Weeknote v10.47”.')).toBeVisible();
  // Shown at once, written a moment later: wait for the write before leaving the page.
  await expect.poll(() => savedSetting(page, 'series')).toBe(10);
}

async function weekOfMoments(page: Page): Promise<void> {
  await captureAt(page, MONDAY, 'Walked the service centre with @Priya #service-centre');
  await captureAt(page, WEDNESDAY, 'Tenant case at 14 Elm Road needs a call back', 'Private');
  await captureAt(page, WEDNESDAY, '@Sam started as head of operations');
  await captureAt(page, FRIDAY, 'Agree the budget paper', 'Next week');
  await captureAt(page, FRIDAY, 'Show and tell went well');
  await setSeries(page);
}

function body(page: Page) {
  return page.getByRole('textbox', { name: 'Weeknote in Markdown' });
}

test('compiling on Friday gives the title, week line, public moments and Next week', async ({
  page,
}) => {
  await weekOfMoments(page);
  await page.getByRole('link', { name: 'Write' }).click();
  await expect(page.getByText('1 private stays out')).toBeVisible();
  await expect(page.getByText('4 of 4 moments go in.')).toBeVisible();
  await page.getByRole('button', { name: 'Compile draft' }).click();

  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Weeknote v10.47');
  const text = await body(page).inputValue();
  expect(text).toBe(
    [
      'Week beginning 16 November',
      'Walked the service centre with Priya',
      'Sam started as head of operations',
      'Show and tell went well',
      'Next week agree the budget paper.',
    ].join('\n\n') + '\n',
  );
  expect(text).not.toContain('Elm Road');
  await expect(page.locator('.word-count')).toHaveText(/^\d+ words$/);
  await expect(page.locator('.reading-time')).toHaveText('1 min read');

  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Weeknote v10.47');
  await expect(preview.getByText('Next week agree the budget paper.')).toBeVisible();
  await expect(preview.getByRole('heading', { level: 2 })).toHaveCount(0);
});

test('typing in the editor survives an immediate reload', async ({ page }) => {
  await page.clock.setFixedTime(FRIDAY);
  await page.goto('/write');
  await page.getByRole('button', { name: 'Start a blank weeknote' }).click();
  await body(page).click();
  await page.keyboard.press('End');
  await body(page).pressSequentially('Typed and reloaded at once.');
  await page.reload();
  await expect(body(page)).toHaveValue(/Typed and reloaded at once\.$/);
  // And it reached IndexedDB, not only the local copy.
  await expect(draftSaved(page)).toBeVisible();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(body(page)).toHaveValue(/Typed and reloaded at once\.$/);
});

test('recompiling keeps the edits and offers the new moment', async ({ page }) => {
  await weekOfMoments(page);
  await page.goto('/write/2026-11-16');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  const original = await body(page).inputValue();
  await body(page).fill(
    original.replace('Show and tell went well', 'The show and tell was a joy.'),
  );
  await expect(draftSaved(page)).toBeVisible();

  await captureAt(page, new Date('2026-11-20T17:00:00Z'), 'Retro with the repairs team');
  await page.goto('/write/2026-11-16');
  await expect(body(page)).toHaveValue(/The show and tell was a joy\./);
  const offers = page.getByRole('region', { name: '1 new moment since you compiled' });
  await expect(offers).toContainText('Retro with the repairs team');
  await expect(offers.getByLabel('Put it')).toHaveValue('before-next');
  await expect(offers.getByLabel('Put it').locator('option')).toHaveText([
    'Before the Next week paragraph',
    'Into the Next week paragraph',
    'The end of the draft',
  ]);
  await offers.getByRole('button', { name: /^Insert moment/ }).click();
  await expect(offers).toHaveCount(0);
  await expect(body(page)).toHaveValue(
    /The show and tell was a joy\.\n\nRetro with the repairs team\n\nNext week agree the budget paper\./,
  );
  await page.reload();
  await expect(body(page)).toHaveValue(/Retro with the repairs team/);
  await expect(page.getByRole('region', { name: /new moment/ })).toHaveCount(0);
});

test('moments captured after compiling go before the Next week paragraph, or into it', async ({
  page,
}) => {
  await captureAt(page, MONDAY, 'Monday thing');
  await captureAt(page, FRIDAY, 'Plan the away day', 'Next week');
  await page.goto('/write/2026-11-16');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(body(page)).toHaveValue(
    'Week beginning 16 November\n\nMonday thing\n\nNext week plan the away day.\n',
  );
  await captureAt(page, new Date('2026-11-19T09:00:00Z'), 'Thursday retro');
  await captureAt(page, new Date('2026-11-20T17:00:00Z'), 'book the venue', 'Next week');
  await page.goto('/write/2026-11-16');
  const offers = page.getByRole('region', { name: /new moment/ });
  await expect(offers.getByLabel('Put it').first()).toHaveValue('before-next');
  await expect(offers.getByLabel('Put it').last()).toHaveValue('next');
  await offers
    .getByRole('button', { name: /^Insert moment/ })
    .first()
    .click();
  // The inserted moment's offer goes once the draft is saved; then the other is the only one.
  await expect(offers.getByRole('button', { name: /^Insert moment/ })).toHaveCount(1);
  await offers.getByRole('button', { name: /^Insert moment/ }).click();
  await expect(body(page)).toHaveValue(
    /Monday thing\n\nThursday retro\n\nNext week plan the away day\. Book the venue\.\n$/,
  );
});

test("last week's Next week items come back as a checklist", async ({ page }) => {
  await captureAt(page, new Date('2026-11-13T09:00:00Z'), 'Hire a designer', 'Next week');
  await page.goto('/write/2026-11-09');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(body(page)).toHaveValue(/Next week hire a designer\./);

  await page.clock.setFixedTime(FRIDAY);
  await page.goto('/write/2026-11-16');
  await page.getByRole('button', { name: 'Start a blank weeknote' }).click();
  const item = page.getByRole('group', { name: 'Hire a designer' });
  await item.getByLabel('Carry to next week').check();
  await expect(body(page)).toHaveValue(/Next week:\n\n- Hire a designer\n/);
  await item.getByLabel('Done').check();
  await expect(body(page)).not.toHaveValue(/Hire a designer/);
});

test('the downloaded Markdown parses back to the same title and body', async ({ page }) => {
  await weekOfMoments(page);
  await page.goto('/write/2026-11-16');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(body(page)).not.toHaveValue('');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('2026-11-16-weeknote-v10-47.md');
  const file = readFileSync(await download.path(), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(file);
  expect(m).not.toBeNull();
  const front = parse(m?.[1] ?? '') as { title: string; date: string; tags: string[] };
  expect(front.title).toBe('Weeknote v10.47');
  expect(front.date).toBe('2026-11-16');
  expect(front.tags).toEqual(['weeknotes', 'service-centre']);
  expect(m?.[2]).toBe(await body(page).inputValue());
});

test('copy as rich HTML puts headings and lists on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await weekOfMoments(page);
  await page.goto('/write/2026-11-16');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await page.getByRole('button', { name: 'Copy for blog editor' }).click();
  await expect(page.getByText('Copied for pasting into your blog editor.')).toBeVisible();
  const html = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item ? await (await item.getType('text/html')).text() : '';
  });
  // The body only: the title goes in the blog's own title field.
  expect(html).not.toContain('<h1>');
  expect(html).not.toContain('Weeknote v10.47');
  expect(html).toContain('<p>Next week agree the budget paper.</p>');
});

test('mark as published, then find it in the archive by month', async ({ page }) => {
  await weekOfMoments(page);
  await page.goto('/write/2026-11-16');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await page.getByRole('button', { name: 'Mark as published' }).click();
  await page.getByLabel('Address of the post (optional)').fill('https://example.org/weeknote-47');
  await page.getByRole('button', { name: 'Save as published' }).click();
  await expect(
    page.getByText('Published on 20 November at https://example.org/weeknote-47.'),
  ).toBeVisible();

  await page.goto('/archive');
  const month = page.getByRole('region', { name: 'November 2026' });
  await expect(month.getByRole('listitem')).toHaveCount(1);
  await expect(month.getByRole('listitem')).toContainText('Week beginning 16 November');
  await expect(month.getByRole('listitem')).toContainText('Published 20 November');
  await month.getByRole('link', { name: 'Weeknote v10.47', exact: true }).click();
  await expect(page).toHaveURL(/\/write\/2026-11-16$/);
});

test('axe finds no violations on the editor and the archive', async ({ page }) => {
  await weekOfMoments(page);
  await captureAt(page, new Date('2026-11-13T09:00:00Z'), 'Hire a designer', 'Next week');
  await page.goto('/write/2026-11-09');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(body(page)).not.toHaveValue('');
  await page.clock.setFixedTime(FRIDAY);
  await page.goto('/write/2026-11-16');
  await expect(page.getByRole('button', { name: 'Compile draft' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(body(page)).not.toHaveValue('');
  await captureAt(page, new Date('2026-11-20T17:00:00Z'), 'A later moment');
  await page.goto('/write/2026-11-16');
  await expect(page.getByRole('region', { name: /new moment/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Hire a designer' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Mark as published' }).click();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.goto('/archive');
  await expect(page.getByRole('heading', { name: 'November 2026' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
