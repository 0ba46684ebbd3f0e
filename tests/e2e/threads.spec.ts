import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { captureAt, captureBox, expect, savedSetting, test } from './fixtures';

// Across a year end: week 52 of 2026 (from 21 December), week 53 (from 28 December, holding
// 1 January 2027) and week 1 of 2027 (from 4 January), in London.
const WEEK_52 = new Date('2026-12-22T12:00:00Z');
const WEEK_53 = new Date('2026-12-30T12:00:00Z');
const NEW_YEAR = new Date('2027-01-01T12:00:00Z');
const WEEK_1 = new Date('2027-01-06T12:00:00Z');

function body(page: Page) {
  return page.getByRole('textbox', { name: 'Weeknote in Markdown' });
}

async function addRunningTarget(page: Page): Promise<void> {
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'New target' });
  await form.getByLabel('Target', { exact: true }).fill('1,500');
  await form.getByLabel('Unit', { exact: true }).fill('miles');
  await form.getByLabel('For', { exact: true }).fill('running');
  await form.getByLabel('Counts moments with').fill('#run ran');
  await form.getByRole('button', { name: 'Add target' }).click();
  await expect(page.getByText('1,500 miles running')).toBeVisible();
  await expect
    .poll(() => savedSetting(page, 'targets'))
    .toMatchObject([{ amount: 1500, unit: 'miles', label: 'running', counts: ['#run', 'ran'] }]);
}

test('last mentioned looks back across the year end, and a target counts as you type', async ({
  page,
}) => {
  await page.clock.setFixedTime(WEEK_52);
  await addRunningTarget(page);
  await captureAt(page, WEEK_52, 'Coffee with @Ron about #budget');
  await captureAt(page, WEEK_53, '@Ron is off sick', 'Private');
  await captureAt(page, WEEK_53, '#run 3 km by the river');
  await captureAt(page, NEW_YEAR, 'ran 2 miles to clear my head');
  // Week 52 has a weeknote, so its title names the week.
  await page.goto('/write/2026-12-21');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Weeknote v1.52');

  // The capture box says what a moment would add to the target, or why it cannot.
  await page.clock.setFixedTime(WEEK_1);
  await page.goto('/');
  await captureBox(page).fill('#run 5 parsecs');
  await expect(page.getByText('‘5 parsecs’ is not a unit this target counts.')).toBeVisible();
  await captureBox(page).fill('#run 4 miles round the park');
  await expect(page.getByText('+4 miles to 1,500 miles running')).toBeVisible();
  await captureBox(page).press('Enter');
  await expect(captureBox(page)).toHaveValue('');
  await captureAt(page, WEEK_1, 'Lunch with @Ron and @Priya, #budget again');

  await page.goto('/write');
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await expect(body(page)).not.toHaveValue('');

  // 2027 so far: 2 miles on 1 January and 4 this week; the 3 km of 2026 stays in 2026.
  const targets = page.getByRole('region', { name: 'Targets in 2027' });
  await expect(targets.getByText('6 of 1,500 miles running in 2027')).toBeVisible();
  await targets
    .getByRole('button', { name: 'Add to weeknote: 6 of 1,500 miles running in 2027' })
    .click();
  await expect(body(page)).toHaveValue(/6 of 1,500 miles running in 2027\./);

  await page.getByText('Last mentioned', { exact: true }).click();
  const mentioned = page.getByRole('list', { name: 'Last mentioned before this week' });
  // The private moment of week 53 does not count: Ron was last mentioned in week 52.
  await expect(mentioned.getByRole('listitem').filter({ hasText: '@Ron' })).toHaveText(
    '@Ron: 2 weeks ago, in Weeknote v1.52',
  );
  await expect(mentioned.getByRole('listitem').filter({ hasText: '@Priya' })).toHaveText(
    '@Priya: not before this week',
  );
  await expect(mentioned.getByRole('listitem').filter({ hasText: '#budget' })).toHaveText(
    '#budget: 2 weeks ago, in Weeknote v1.52',
  );

  await page.getByText('This week last year', { exact: true }).click();
  await expect(page.getByText('Week beginning 29 December 2025, week 1 of 2026.')).toBeVisible();
  await expect(page.getByText('No weeknote that week.')).toBeVisible();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page
      .locator('.threads')
      .screenshot({ path: test.info().outputPath(`threads-${scheme}.png`) });
  }

  // The week link opens the moments of that week.
  await mentioned.getByRole('link', { name: 'Weeknote v1.52' }).first().click();
  await expect(page).toHaveURL(/\/week\/2026-12-21$/);
  await expect(page.getByText('Coffee with @Ron about #budget')).toBeVisible();
});

test('targets are set in Settings, and a moment shows its hint, light and dark', async ({
  page,
}) => {
  await page.clock.setFixedTime(WEEK_1);
  await addRunningTarget(page);
  const form = page.getByRole('form', { name: 'New target' });
  await form.getByLabel('Target', { exact: true }).fill('1,000');
  await form.getByLabel('Unit', { exact: true }).fill('light years');
  await form.getByLabel('For', { exact: true }).fill('travel');
  await form.getByLabel('Counts moments with').fill('#trip');
  await form.getByRole('button', { name: 'Add target' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The unit is one word of letters, such as miles, km or steps.',
  );
  await expect(form.getByLabel('Unit', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page
      .getByRole('region', { name: 'Yearly targets' })
      .screenshot({ path: test.info().outputPath(`target-settings-${scheme}.png`) });
  }
  await page.getByRole('button', { name: 'Remove the target 1,500 miles running' }).click();
  await expect.poll(() => savedSetting(page, 'targets')).toEqual([]);

  await addRunningTarget(page);
  await page.goto('/');
  await captureBox(page).fill('ran 5');
  await expect(
    page.getByText('5 what? Add the unit, e.g. ‘5 miles’.', { exact: false }),
  ).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page
      .locator('.capture-card')
      .screenshot({ path: test.info().outputPath(`target-hint-${scheme}.png`) });
  }
});
