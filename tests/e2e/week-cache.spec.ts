import type { Page } from '@playwright/test';
import { capture, expect, test } from './fixtures';
import { holdBack } from './hold-back';

// The service worker is blocked so the storage code's file can be held back on the way.
test.use({ serviceWorkers: 'block' });

const WEDNESDAY = new Date('2026-11-18T09:00:00Z');

const weekMoments = (page: Page) => page.locator('.day').getByRole('listitem');

test('this week paints from its quick copy before storage has opened', async ({ page }) => {
  await page.clock.setFixedTime(WEDNESDAY);
  await page.goto('/');
  await capture(page, 'Kept for the fast week');
  await capture(page, 'Deleted before the week opens again');
  await page.goto('/week');
  await expect(weekMoments(page)).toHaveCount(2);

  // Deleting on the capture screen drops the copy: the week must never show it again.
  await page.goto('/');
  const gone = page.getByRole('listitem').filter({ hasText: 'Deleted before' });
  await gone.getByRole('button', { name: /^More actions/ }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  // Saved once the writer is told so: a new page straight after the tap would cut the write off.
  await expect(page.getByText('Moment deleted.')).toBeVisible();
  await page.goto('/week');
  await expect(weekMoments(page)).toHaveCount(1);

  // Dexie and the schema come in their own file: held back, storage cannot open.
  const { release } = await holdBack(page, /\/assets\/schema-[^/]+\.js$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week beginning 16 November');
  await expect(weekMoments(page)).toHaveCount(1);
  await expect(weekMoments(page).first()).toContainText('Kept for the fast week');
  release();
  await expect(weekMoments(page)).toHaveCount(1);
});

test('a long week draws its first screen first, then every moment, from the copy alone', async ({
  page,
}) => {
  await page.clock.setFixedTime(WEDNESDAY);
  await page.goto('/');
  const texts = Array.from({ length: 14 }, (_, i) => `Moment number ${i + 1} of a busy week`);
  for (const text of texts) await capture(page, text);
  await page.goto('/week');
  await expect(weekMoments(page)).toHaveCount(14);

  // Each frame is recorded: the first with moments holds only the first screen's worth.
  await page.addInitScript(() => {
    const counts: number[] = [];
    const said: string[] = [];
    Object.assign(window, { momentCounts: counts, dayCounts: said });
    const look = (): void => {
      counts.push(document.querySelectorAll('.day li.moment').length);
      said.push(document.querySelector('.day .day-count')?.textContent ?? '');
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const { release } = await holdBack(page, /\/assets\/schema-[^/]+\.js$/);
  await page.reload();
  await expect(weekMoments(page)).toHaveCount(14);
  await expect(weekMoments(page).last()).toContainText('Moment number 14');
  const counts = await page.evaluate(
    () => (window as unknown as { momentCounts: number[] }).momentCounts,
  );
  const first = counts.findIndex((n) => n > 0);
  expect(counts[first]).toBe(8);
  // The day cut short on that first screen still says how many moments it has.
  const days = await page.evaluate(() => (window as unknown as { dayCounts: string[] }).dayCounts);
  expect(days[first]).toBe(' · 14 moments');
  release();
  await expect(weekMoments(page)).toHaveCount(14);
});
