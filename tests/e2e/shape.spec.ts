import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, captureAt } from './fixtures';

// Week 47 of 2026: Monday 16 to Sunday 22 November, in London.
const WEEK = '/write/2026-11-16';
const day = (date: number, time: string) => new Date(`2026-11-${date}T${time}:00Z`);
const RETRO =
  'Retro on the #BlueBadge form\nWent well: the demo\nDidn’t: the room\nAction: book a bigger one';

/** A week of moments on several days, one private and one for next week. */
async function weekOfMoments(page: Page): Promise<void> {
  await captureAt(page, day(16, '09:00'), 'Walked the service centre with @Priya #ServiceCentre');
  await captureAt(page, day(16, '11:00'), 'Tenant case at 14 Elm Road', 'Private');
  await captureAt(page, day(17, '15:00'), RETRO);
  await captureAt(page, day(18, '10:00'), 'Coffee with a new starter');
  await captureAt(page, day(19, '12:00'), 'Queue times down at the #ServiceCentre');
  await captureAt(page, day(20, '16:00'), 'Agree the budget paper', 'Next week');
}

function cards(page: Page) {
  return page.locator('.shape-card .moment-text');
}

function body(page: Page) {
  return page.getByRole('textbox', { name: 'Weeknote in Markdown' });
}

test('shape the week, then compile it: left out, reordered, gathered, in words', async ({
  page,
}) => {
  await weekOfMoments(page);
  await page.getByRole('link', { name: 'Write' }).click();
  const numbers = page.getByRole('list', { name: 'The week in numbers' });
  await expect(numbers.getByRole('listitem')).toHaveText(['5 moments', '1 person', '2 tags']);
  await expect(page.getByText('1 private stays out')).toBeVisible();
  await expect(page.getByText('Tenant case')).toHaveCount(0);

  await page.getByRole('button', { name: 'Leave out: Coffee with a new starter' }).click();
  await expect(
    page.getByRole('button', { name: 'Bring back: Coffee with a new starter' }),
  ).toBeVisible();

  // Keyboard: the retro moves above Monday's walk, and focus stays on its button.
  const up = page.getByRole('button', { name: 'Move up: Retro on the #BlueBadge form' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Moved up: 1 of 4' })).toBeAttached();
  await expect(cards(page).first()).toContainText('Retro on the #BlueBadge form');

  // The shape survives a reload.
  await page.reload();
  await expect(cards(page).first()).toContainText('Retro on the #BlueBadge form');
  await expect(
    page.getByRole('button', { name: 'Bring back: Coffee with a new starter' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Gather by tag' }).click();
  const names = page.getByLabel('Theme name');
  await expect(names).toHaveCount(2);
  await expect(names.nth(0)).toHaveValue('Blue Badge');
  await expect(names.nth(1)).toHaveValue('Service Centre');
  // Renaming a tag's theme names the tag wherever it is read.
  await names.nth(1).fill('Service centre');
  await names.nth(1).press('Tab');

  await page.getByRole('button', { name: 'Compile draft' }).click();
  const text = await body(page).inputValue();
  expect(text).toBe(
    [
      'Week beginning 16 November',
      'Retro on the Blue Badge form\nWent well: the demo\nDidn’t: the room\nAction: book a bigger one',
      'Walked the service centre with Priya',
      'Queue times down at the Service centre',
      'Next week agree the budget paper.',
    ].join('\n\n') + '\n',
  );
  expect(text).not.toContain('Coffee');
  expect(text).not.toContain('Elm Road');
  expect(text).not.toMatch(/^#/m);

  // The left-out moment is not offered again.
  await page.reload();
  await expect(body(page)).toHaveValue(/Retro on the Blue Badge form/);
  await expect(page.getByRole('region', { name: /new moment/ })).toHaveCount(0);
});

test('themes made by hand, moved into by select, with headings', async ({ page }) => {
  await weekOfMoments(page);
  await page.goto(WEEK);
  await page.getByRole('button', { name: 'New theme' }).click();
  const name = page.getByLabel('Theme name');
  await expect(name).toBeFocused();
  await name.fill('Good news');
  await page
    .getByRole('combobox', { name: 'Theme for: Queue times down at the #ServiceCentre' })
    .selectOption({ label: 'Good news' });
  await page.getByRole('checkbox', { name: 'A heading over each theme' }).check();
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(body(page)).toHaveValue(
    /Coffee with a new starter\n\n## Good news\n\nQueue times down at the Service Centre\n\nNext week/,
  );
});

/** Drags a card's grip to just above the first card, with a mouse or a finger. */
async function dragToTop(page: Page, text: string, by: 'mouse' | 'touch'): Promise<void> {
  const grip = page.locator('.shape-card', { hasText: text }).locator('.shape-grip');
  await grip.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await grip.boundingBox();
  const first = await page.locator('.shape-card').first().boundingBox();
  if (!first || !box) throw new Error('cards not laid out');
  const x = box.x + box.width / 2;
  const from = box.y + box.height / 2;
  const path = Array.from({ length: 8 }, (_, i) => from + ((first.y - 10 - from) * (i + 1)) / 8);
  if (by === 'mouse') {
    await page.mouse.move(x, from);
    await page.mouse.down();
    for (const y of path) await page.mouse.move(x, y);
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y?: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: y === undefined ? [] : [{ x, y }],
    });
  await touch('touchStart', from);
  for (const y of path) await touch('touchMove', y);
  await touch('touchEnd');
}

for (const by of ['mouse', 'touch'] as const) {
  test(`cards can be dragged by their grip (${by})`, async ({ page }) => {
    await weekOfMoments(page);
    await page.goto(WEEK);
    await expect(cards(page)).toHaveCount(5);
    await dragToTop(page, 'Coffee with a new starter', by);
    await expect(cards(page).first()).toHaveText('Coffee with a new starter');
    await page.reload();
    await expect(cards(page).first()).toHaveText('Coffee with a new starter');
  });
}

test('a week with nothing to compile offers a blank weeknote and capture', async ({ page }) => {
  await captureAt(page, day(17, '09:00'), 'Staff sickness, keep quiet', 'Private');
  await page.goto(WEEK);
  await expect(page.getByRole('heading', { name: 'Nothing to compile yet' })).toBeVisible();
  await expect(page.getByText('1 private stays out')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compile draft' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Capture a moment' })).toHaveAttribute('href', '/');
  await page.getByRole('button', { name: 'Start a blank weeknote' }).click();
  await expect(body(page)).toHaveValue('Week beginning 16 November\n');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the shape screen (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await weekOfMoments(page);
    await page.goto(WEEK);
    await page.getByRole('button', { name: 'Leave out: Coffee with a new starter' }).click();
    await page.getByRole('button', { name: 'Gather by tag' }).click();
    await page.getByRole('button', { name: 'New theme' }).click();
    await expect(page.getByLabel('Theme name')).toHaveCount(3);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.clock.setFixedTime(day(30, '09:00'));
    await page.goto('/write/2026-11-30');
    await expect(page.getByRole('heading', { name: 'Nothing to compile yet' })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

test('nothing is wider than the 360 px phone, even with a long word and a long address', async ({
  page,
}) => {
  await captureAt(
    page,
    day(17, '09:00'),
    `Read ${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2)} and https://example.org/${'very-long-path-segment-'.repeat(8)}end #${'Extraordinarily'.repeat(4)} @${'Bartholomew'.repeat(3)}`,
  );
  await captureAt(page, day(18, '09:00'), 'Short one #budget');
  await page.goto(WEEK);
  await page.getByRole('button', { name: 'Gather by tag' }).click();
  await page.getByRole('button', { name: /^Leave out: Short one/ }).click();
  await expect(page.locator('.shape-card')).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
