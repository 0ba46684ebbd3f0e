import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startBlogProxy, type BlogProxy } from '../support/blog-proxy';
import { findPosts, countPostsTitled, wordpressFromEnv } from '../support/wordpress';
import { captureAt, draftSaved, expect, test as base, waitForServiceWorker } from './fixtures';

// Week 47 of 2026, in London.
const WEDNESDAY = new Date('2026-11-18T12:30:00Z');
const FRIDAY = new Date('2026-11-20T16:00:00Z');
const wp = wordpressFromEnv();

/** A proxy in front of the test WordPress, to make it lose answers or fail; stopped after. */
const test = base.extend<{ blogProxy: BlogProxy }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
  blogProxy: async ({}, use) => {
    const proxy = await startBlogProxy(wp.url);
    await use(proxy);
    await proxy.stop();
  },
});

const body = (page: Page) => page.getByRole('textbox', { name: 'Weeknote in Markdown' });
const blog = (page: Page) => page.getByRole('region', { name: 'Your blog' });

/** A compiled weeknote with a unique title, a heading, a list and a link. */
async function compiledWeeknote(page: Page): Promise<string> {
  await captureAt(page, WEDNESDAY, 'Fixed the #BlueBadge renewal form');
  await captureAt(page, FRIDAY, 'Show and tell went well');
  await page.getByRole('link', { name: 'Write' }).click();
  await page.getByRole('button', { name: 'Compile draft' }).click();
  const title = `Weeknote ${crypto.randomUUID().slice(0, 8)}`;
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await body(page).fill(
    '## Blue Badge\n\nFixed the renewal form with [the team](https://example.org/team).\n\n' +
      'Next week:\n\n- ship it\n- write it up\n',
  );
  await expect(draftSaved(page)).toBeVisible();
  return title;
}

async function connectWordPress(page: Page, site: string, password = wp.appPassword) {
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Connect WordPress' }).click();
  await page.getByLabel('Site address').fill(site);
  await page.getByLabel('User name').fill(wp.user);
  await page.getByLabel('Application password').fill(password);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
}

async function connected(page: Page, site: string): Promise<string> {
  await connectWordPress(page, site);
  await expect(page.getByText(/^Connected to /).first()).toBeVisible();
  const name = (await page
    .getByText(/^Connected to /)
    .first()
    .textContent())!;
  return name.replace(/^Connected to /, '').replace(/\.$/, '');
}

test('a weeknote goes to WordPress as a draft, is updated in place, then published', async ({
  page,
}) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  const logged: string[] = [];
  page.on('console', (m) => logged.push(m.text()));

  const title = await compiledWeeknote(page);
  const name = await connected(page, wp.url);
  await page.goto('/write/2026-11-16');
  await blog(page)
    .getByRole('button', { name: `Send as draft to ${name}` })
    .click();
  await expect(blog(page).getByText(/^Sent as a draft 20 November to/)).toBeVisible();

  const [post] = await findPosts(title);
  expect(post).toMatchObject({ title, status: 'draft' });
  expect(post!.content).toContain('<h2>Blue Badge</h2>');
  expect(post!.content).toContain('<a href="https://example.org/team"');
  expect(post!.content).toMatch(/<ul>\s*<li>ship it<\/li>\s*<li>write it up<\/li>\s*<\/ul>/);
  expect(post!.tags.sort()).toEqual(['Blue Badge', 'weeknotes']);

  // An edit after Friday updates the same post, once the writer says so.
  await body(page).press('End');
  await body(page).pressSequentially(' Corrected.');
  await expect(draftSaved(page)).toBeVisible();
  await expect(blog(page).getByText('Changed since you sent it.')).toBeVisible();
  await blog(page).getByRole('button', { name: 'Update the post' }).click();
  await expect(blog(page).getByText(/Replace the post's title and text/)).toBeVisible();
  await blog(page).getByRole('button', { name: 'Update the post' }).click();
  await expect(blog(page).getByText('Changed since you sent it.')).toBeHidden();
  await expect.poll(async () => (await findPosts(title))[0]?.content).toContain('Corrected.');

  await blog(page)
    .getByRole('button', { name: `Publish it on ${name}` })
    .click();
  await blog(page).getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(blog(page).getByText(/^Published 20 November to/)).toBeVisible();
  const published = await findPosts(title);
  expect(published).toHaveLength(1);
  expect(published[0]).toMatchObject({ id: post!.id, status: 'publish' });

  // The archive links to the live post.
  await page.getByRole('link', { name: 'Archive' }).click();
  await expect(page.locator(`a[href="${published[0]!.link}"]`)).toHaveCount(1);

  // The application password never travelled in a URL or showed up in the console.
  const secret = wp.appPassword.replace(/ /g, '');
  for (const url of urls) expect(url.replace(/%20|\+| /g, '')).not.toContain(secret);
  for (const line of logged) expect(line.replace(/ /g, '')).not.toContain(secret);
});

test('published with no signal: waits, survives a reload, and goes once when back online', async ({
  page,
  context,
}) => {
  const title = await compiledWeeknote(page);
  const name = await connected(page, wp.url);
  await page.goto('/write/2026-11-16');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await blog(page)
    .getByRole('button', { name: `Send as draft to ${name}` })
    .click();
  await expect(blog(page).getByText(/Waiting to publish/)).toBeVisible();
  await expect(blog(page).getByText(/you're offline/)).toBeVisible();

  await page.reload();
  await expect(blog(page).getByText(/Waiting to publish/)).toBeVisible();
  expect(await countPostsTitled(title)).toBe(0);

  await context.setOffline(false);
  await expect(blog(page).getByText(/^Sent as a draft 20 November to/)).toBeVisible();
  expect(await countPostsTitled(title)).toBe(1);
});

test('a connection cut after WordPress made the post: the browser resends, still one post', async ({
  page,
  blogProxy: proxy,
}) => {
  // Chromium sends a request again by itself when a reused connection closes before any answer,
  // POSTs included: WordPress then makes a second copy, which the app must find and trash.
  const title = await compiledWeeknote(page);
  const name = await connected(page, proxy.url);
  proxy.setMode('lose-next-create');
  await page.goto('/write/2026-11-16');
  await blog(page)
    .getByRole('button', { name: `Send as draft to ${name}` })
    .click();
  await expect(blog(page).getByText(/^Sent as a draft 20 November to/)).toBeVisible();
  expect(await countPostsTitled(title)).toBe(1);
});

test('an answer lost for good after WordPress made the post: Retry finds it, still one post', async ({
  page,
  blogProxy: proxy,
}) => {
  const title = await compiledWeeknote(page);
  const name = await connected(page, proxy.url);
  // Every attempt, and each resend the browser makes by itself, reaches WordPress, and no
  // answer comes back: WordPress may now hold several copies.
  proxy.setMode('lose-next-create', 100);
  await page.goto('/write/2026-11-16');
  await blog(page)
    .getByRole('button', { name: `Send as draft to ${name}` })
    .click();
  await expect(blog(page).getByRole('alert')).toContainText('Not sent yet.');
  await expect(blog(page).getByRole('alert')).toContainText('Could not reach 127.0.0.1');
  expect(await countPostsTitled(title)).toBeGreaterThanOrEqual(1);

  proxy.setMode('pass');
  await blog(page).getByRole('button', { name: 'Retry now' }).click();
  await expect(blog(page).getByText(/^Sent as a draft 20 November to/)).toBeVisible();
  expect(await countPostsTitled(title)).toBe(1);
});

test('a blog that fails keeps the weeknote with a clear message and a Retry', async ({
  page,
  blogProxy: proxy,
}) => {
  const title = await compiledWeeknote(page);
  const name = await connected(page, proxy.url);
  proxy.setMode('status-500');
  await page.goto('/write/2026-11-16');
  await blog(page)
    .getByRole('button', { name: `Send as draft to ${name}` })
    .click();
  await expect(blog(page).getByRole('alert')).toContainText('had a problem (error 500)');
  await expect(blog(page).getByText(/safe on this device and will be tried again/)).toBeVisible();
  expect(await countPostsTitled(title)).toBe(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }

  proxy.setMode('pass');
  await blog(page).getByRole('button', { name: 'Retry now' }).click();
  await expect(blog(page).getByText(/^Sent as a draft 20 November to/)).toBeVisible();
  expect(await countPostsTitled(title)).toBe(1);
});

test('a wrong application password is refused when connecting, with what to do', async ({
  page,
}) => {
  await connectWordPress(page, wp.url, 'abcd efgh ijkl mnop qrst uvwx');
  await expect(page.getByRole('alert')).toContainText(/application password|Authorization header/);
  await expect(page.getByLabel('Site address')).toHaveValue(wp.url);
});
