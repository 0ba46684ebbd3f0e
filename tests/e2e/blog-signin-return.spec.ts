import { expect, test, waitForServiceWorker } from './fixtures';
import {
  PENDING_KEY,
  leavePendingSignIn,
  unusedPort,
  blogSection,
  openBlogSettings,
  storedDestinations,
} from './blog-helpers';

// Coming back from the writer's site after an IndieAuth sign-in (/settings/blog-signed-in).

test('IndieAuth return: the code leaves the address, the blog is kept, focus lands on it', async ({
  page,
}) => {
  const port = await unusedPort();
  const site = `http://127.0.0.1:${port}`;
  await page.route(`${site}/**`, async (route) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, accept, content-type',
    };
    const request = route.request();
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    if (request.url().endsWith('/token')) {
      const body = new URLSearchParams(request.postData() ?? '');
      const ok = body.get('code') === 'the-code' && body.get('code_verifier') === 'the-verifier';
      return route.fulfill({
        status: ok ? 200 : 400,
        headers: { ...cors, 'content-type': 'application/json' },
        body: JSON.stringify(ok ? { access_token: 'the-token', me: `${site}/` } : {}),
      });
    }
    return route.fulfill({ status: 404, headers: cors, body: '' });
  });

  await openBlogSettings(page);
  await leavePendingSignIn(page, {
    state: 'the-state',
    verifier: 'the-verifier',
    site,
    name: 'Notes from the service centre',
    authorizationEndpoint: `${site}/auth`,
    tokenEndpoint: `${site}/token`,
    micropubEndpoint: `${site}/micropub`,
    issuer: `${site}/`,
    clientId: `${new URL(page.url()).origin}/`,
    redirectUri: `${new URL(page.url()).origin}/settings/blog-signed-in`,
    startedAt: new Date().toISOString(),
  });
  const entries = await page.evaluate(() => history.length);
  await page.goto(
    `/settings/blog-signed-in?code=the-code&state=the-state&iss=${encodeURIComponent(`${site}/`)}`,
  );

  await expect(page).toHaveURL(/\/settings$/);
  await expect(
    page.getByRole('status').filter({ hasText: 'Connected to Notes from the service centre.' }),
  ).toBeVisible();
  const heading = blogSection(page).getByRole('heading', { name: 'Notes from the service centre' });
  await expect(heading).toBeFocused();
  await expect(blogSection(page)).toContainText(`Micropub · ${site}`);
  await expect(blogSection(page)).toContainText('Default');
  // The return address replaced itself: the code is in no history entry.
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  expect(await page.evaluate((k) => localStorage.getItem(k), PENDING_KEY)).toBeNull();
});

test('IndieAuth return: a refused or stale sign-in is explained, with a way back', async ({
  page,
}) => {
  await openBlogSettings(page);
  await leavePendingSignIn(page, {
    state: 'the-state',
    verifier: 'v',
    site: 'https://garden.example',
    name: 'Digital garden',
    authorizationEndpoint: 'https://garden.example/auth',
    tokenEndpoint: 'https://garden.example/token',
    micropubEndpoint: 'https://garden.example/micropub',
    issuer: null,
    clientId: 'x',
    redirectUri: 'y',
    startedAt: new Date().toISOString(),
  });
  await page.goto('/settings/blog-signed-in?error=access_denied&state=the-state');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connecting your blog');
  await expect(page.getByRole('alert')).toHaveText('garden.example did not let Weeknotes sign in.');
  expect(new URL(page.url()).search).toBe('');

  // Coming back again (a reload, an old tab) finds no sign-in waiting.
  await page.goto('/settings/blog-signed-in?code=c&state=the-state');
  await expect(page.getByRole('alert')).toHaveText(
    'That sign-in was not started here, or took too long. Start it again.',
  );
  await page.getByRole('link', { name: 'Back to Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(blogSection(page).getByRole('heading', { name: 'Your blog' })).toBeFocused();
  expect(await storedDestinations(page)).toEqual([]);
});

test('the sign-in return address opens the app offline, even with a dotted issuer', async ({
  page,
  context,
}) => {
  await page.goto('/settings');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto('/settings/blog-signed-in?code=c.d&state=s&iss=https://example.blog');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connecting your blog');
  await expect(page.getByRole('alert')).toBeVisible();
  await context.setOffline(false);
});
