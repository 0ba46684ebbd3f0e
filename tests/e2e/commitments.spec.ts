import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { capture, draftSaved, expect, savedSetting, test, todaysMoments } from './fixtures';

// ISO weeks of 2026 in London: 45 begins Monday 2 November, 47 on 16, 48 on 23.
const WEEK_45_FRIDAY = new Date('2026-11-06T16:00:00Z');
const WEEK_47_WEDNESDAY = new Date('2026-11-18T08:30:00Z');
const WEEK_48_FRIDAY = new Date('2026-11-27T16:00:00Z');
const PROMISES = ['Close three thorny issues', 'Hire a designer', 'Agree the budget paper'];

function body(page: Page) {
  return page.getByRole('textbox', { name: 'Weeknote in Markdown' });
}

async function writeWeek45(page: Page): Promise<void> {
  await page.clock.setFixedTime(WEEK_45_FRIDAY);
  await page.goto('/settings');
  await page.getByLabel('Title template').fill('Weeknote v{series}.{week}');
  await page.getByLabel('Series number').fill('10');
  await expect.poll(() => savedSetting(page, 'series')).toBe(10);
  await page.goto('/write/2026-11-02');
  await page.getByRole('button', { name: 'Start a blank weeknote' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Weeknote v10.45');
  const list = PROMISES.map((p, i) => `${i + 1}. ${p}`).join('\n');
  await body(page).fill(`A week of budgets.\n\nNext week:\n\n${list}\n`);
  await expect(draftSaved(page)).toBeVisible();
}

test('commitments made in week 45 stay open in week 47 and are written up when done in 48', async ({
  page,
}) => {
  await writeWeek45(page);
  // Week 45's own items are not commitments until the week is over.
  await page.goto('/');
  await expect(page.getByText(/open commitment/)).toHaveCount(0);

  // Week 47, on the phone: folded away until asked for, with their age.
  await page.clock.setFixedTime(WEEK_47_WEDNESDAY);
  await page.goto('/');
  const summary = page.getByText('3 open commitments');
  await expect(summary).toBeVisible();
  await expect(page.getByText(PROMISES[0]!, { exact: true })).toBeHidden();
  await summary.focus();
  await page.keyboard.press('Enter');
  const rows = page.locator('.open-commitments li');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Close three thorny issues');
  await expect(rows.first()).toContainText('Weeknote v10.45 · from 2 weeks ago');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const drop = page.getByRole('button', { name: 'Drop: Hire a designer' });
  await drop.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('2 open commitments')).toBeVisible();
  await expect(page.getByText('Dropped: Hire a designer')).toBeVisible();

  // A moment linked to a commitment, with the keyboard: "progress on" shows on the moment.
  await capture(page, 'Went through two of the thorny issues with Priya');
  const moment = todaysMoments(page).first();
  await moment.getByRole('button', { name: /^More actions for moment from/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Edit' }).press('Enter');
  await page.getByLabel('Progress on').selectOption({ label: 'Close three thorny issues' });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Save changes' }).press('Enter');
  await expect(moment).toContainText('Progress on: Close three thorny issues');

  // Week 48, writing: still open, three weeks on; done, and written up in the writer's words.
  await page.clock.setFixedTime(WEEK_48_FRIDAY);
  await page.goto('/write/2026-11-23');
  await page.getByRole('button', { name: 'Start a blank weeknote' }).click();
  const panel = page.getByRole('region', { name: 'Still open from earlier weeks' });
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('listitem').first()).toContainText('from 3 weeks ago');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await panel.getByRole('button', { name: 'Done: Close three thorny issues' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Insert “Last week I said…”' }).click();
  await expect(body(page)).toHaveValue(
    /In Weeknote v10\.45 I said: “Close three thorny issues”\. Done\./,
  );
  await expect(draftSaved(page)).toBeVisible();
  await expect(panel.getByRole('button', { name: /Insert/ })).toHaveCount(0);

  // One left, after a reload too: never duplicated by deriving again.
  await page.goto('/');
  await expect(page.getByText('1 open commitment', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText('1 open commitment', { exact: true })).toBeVisible();
  await page.clock.setFixedTime(WEEK_47_WEDNESDAY);
  await page.goto('/');
  await expect(todaysMoments(page).first()).toContainText(
    'Progress on: Close three thorny issues (done)',
  );
});
