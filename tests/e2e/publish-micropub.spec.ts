import type { Page } from '@playwright/test';
import { startMicropubSite } from '../support/micropub-server';
import { captureAt, draftSaved, expect, test, waitForServiceWorker } from './fixtures';

const FRIDAY = new Date('2026-11-20T16:00:00Z');
const blog = (page: Page) => page.getByRole('region', { name: 'Your blog' });

/** Signs in to the site through IndieAuth, approving on the site's own consent page. */
async function signIn(page: Page, siteUrl: string): Promise<void> {
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Connect a Micropub site' }).click();
  await page.getByLabel('Site address').fill(siteUrl);
  await page.getByRole('button', { name: 'Sign in with your site' }).click();
  await expect(page.getByRole('heading', { name: /^Sign in to / })).toBeVisible();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText(/^Connected to /).first()).toBeVisible();
  await expect(page).toHaveURL(/\/settings$/);
}

async function compiled(page: Page): Promise<void> {
  await captureAt(page, FRIDAY, 'Permits went live #parking');
  await page.getByRole('link', { name: 'Write' }).click();
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Weeknote 47');
  await expect(draftSaved(page)).toBeVisible();
}

test('signs in with IndieAuth, publishes to Micropub, and updates the same post', async ({
  page,
}) => {
  const site = await startMicropubSite();
  try {
    await compiled(page);
    await signIn(page, site.url);
    expect(page.url()).not.toContain('code=');
    await page.goto('/write/2026-11-16');
    await blog(page)
      .getByRole('button', { name: /^Send as draft to / })
      .click();
    await expect(blog(page).getByText(/^Sent as a draft 20 November to/)).toBeVisible();
    const live = () => site.posts().filter((p) => !p.deleted);
    expect(live()).toHaveLength(1);
    expect(live()[0]!.properties['name']).toEqual(['Weeknote 47']);
    expect(live()[0]!.properties['category']).toEqual(['weeknotes', 'parking']);

    const body = page.getByRole('textbox', { name: 'Weeknote in Markdown' });
    await body.press('End');
    await body.pressSequentially(' Stayed up all week.');
    await expect(draftSaved(page)).toBeVisible();
    await blog(page).getByRole('button', { name: 'Update the post' }).click();
    await blog(page).getByRole('button', { name: 'Update the post' }).click();
    await expect(blog(page).getByText('Changed since you sent it.')).toBeHidden();
    await expect
      .poll(() => JSON.stringify(live()[0]?.properties['content']))
      .toContain('Stayed up all week.');
    expect(live()).toHaveLength(1);
    // The token only ever travelled in the Authorization header.
    const token = site.tokens()[0]!.token;
    expect(site.requests().some((r) => r.path.includes(token))).toBe(false);
  } finally {
    await site.stop();
  }
});

test('published to Micropub with no signal: waits, and goes once when back online', async ({
  page,
  context,
}) => {
  const site = await startMicropubSite();
  try {
    await compiled(page);
    await signIn(page, site.url);
    await page.goto('/write/2026-11-16');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await blog(page)
      .getByRole('button', { name: /^Send as draft to / })
      .click();
    await expect(blog(page).getByText(/Waiting to publish/)).toBeVisible();
    await page.reload();
    await expect(blog(page).getByText(/Waiting to publish/)).toBeVisible();
    expect(site.posts()).toHaveLength(0);
    await context.setOffline(false);
    await expect(blog(page).getByText(/^Sent as a draft 20 November to/)).toBeVisible();
    expect(site.posts().filter((p) => !p.deleted)).toHaveLength(1);
  } finally {
    await site.stop();
  }
});
