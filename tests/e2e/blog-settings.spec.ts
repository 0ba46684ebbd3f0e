import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import {
  unusedPort,
  blogSection,
  openBlogSettings,
  storeDestinations,
  storedDestinations,
  FIELD_NOTES,
  GARDEN,
} from './blog-helpers';

// Settings → Your blog, as far as it goes without a real blog: the WordPress and Micropub
// sign-ins against real blogs are tested elsewhere.

test('with no blog connected, the section says what it is for and offers both ways', async ({
  page,
}) => {
  await openBlogSettings(page);
  const section = blogSection(page);
  await expect(section).toContainText(
    'Publish your weeknote to WordPress or a Micropub site in one tap, even offline',
  );
  await expect(section.getByRole('button', { name: 'Connect WordPress' })).toBeVisible();
  await expect(section).toContainText('not synced or backed up');

  // The form opens with focus in its first field and closes back onto the button that opened it.
  await section.getByRole('button', { name: 'Connect WordPress' }).click();
  await expect(section.getByRole('textbox', { name: 'Site address' })).toBeFocused();
  await section.getByRole('button', { name: 'Cancel' }).click();
  await expect(section.getByRole('button', { name: 'Connect WordPress' })).toBeFocused();
});

test('WordPress: a wrong address is explained at the field, and nothing typed is lost', async ({
  page,
}) => {
  await openBlogSettings(page);
  const section = blogSection(page);
  await section.getByRole('button', { name: 'Connect WordPress' }).click();
  const site = section.getByRole('textbox', { name: 'Site address' });
  const password = section.getByLabel('Application password');
  await expect(password).toHaveAttribute('type', 'password');
  await expect(password).toHaveAttribute('autocomplete', 'off');
  await expect(section).toContainText('Users → Profile → Application Passwords');

  await section.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(section.getByRole('alert')).toHaveText("Enter your blog's address.");
  await expect(site).toBeFocused();

  await site.fill('http://example.blog');
  await section.getByRole('textbox', { name: 'User name' }).fill('sam');
  await password.fill('abcd efgh ijkl mnop');
  await section.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(section.getByRole('alert')).toHaveText(
    'Use the https:// address of your blog: a password must never cross the network in clear.',
  );
  await expect(site).toBeFocused();
  await expect(site).toHaveAttribute('aria-invalid', 'true');
  await expect(site).toHaveAccessibleDescription(/a password must never cross the network/);

  await site.fill('not a url');
  await section.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(section.getByRole('alert')).toHaveText(
    '"not a url" is not a web address. It should look like https://example.blog',
  );
  await expect(site).toHaveValue('not a url');
  await expect(section.getByRole('textbox', { name: 'User name' })).toHaveValue('sam');
  await expect(password).toHaveValue('abcd efgh ijkl mnop');
  expect(page.url()).not.toContain('abcd');
  expect(await storedDestinations(page)).toEqual([]);
});

test('WordPress: a site that cannot be reached says so, after showing it is checking', async ({
  page,
}) => {
  const csp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  const port = await unusedPort();
  const address = `http://127.0.0.1:${port}`;
  // The first request is held, to see the form while it checks; then the network refuses it.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let seen = 0;
  await page.route(`${address}/**`, async (route) => {
    seen += 1;
    if (seen === 1) await held;
    await route.continue();
  });

  await openBlogSettings(page);
  const section = blogSection(page);
  await section.getByRole('button', { name: 'Connect WordPress' }).click();
  await section.getByRole('textbox', { name: 'Site address' }).fill(address);
  await section.getByRole('textbox', { name: 'User name' }).fill('sam');
  await section.getByLabel('Application password').fill('abcd efgh ijkl mnop');
  await section.getByRole('button', { name: 'Connect', exact: true }).click();
  const checking = section.getByRole('button', { name: 'Checking…' });
  await expect(checking).toBeDisabled();
  release();

  await expect(section.getByRole('alert')).toHaveText(
    `Could not reach 127.0.0.1:${port}. Check the address and your connection; if both are right, the site may not let apps connect to it (CORS).`,
  );
  await expect(section.getByRole('button', { name: 'Connect', exact: true })).toBeEnabled();
  await expect(section.getByRole('textbox', { name: 'Site address' })).toBeFocused();
  // Refused by the network, not by the page's own policy.
  expect(seen).toBeGreaterThan(0);
  expect(csp).toEqual([]);
});

test('Micropub: a wrong or unreachable address is explained before leaving the app', async ({
  page,
}) => {
  const port = await unusedPort();
  await openBlogSettings(page);
  const section = blogSection(page);
  await section.getByRole('button', { name: 'Connect a Micropub site' }).click();
  const site = section.getByRole('textbox', { name: 'Site address' });
  await expect(site).toBeFocused();

  await site.fill('http://example.blog');
  await section.getByRole('button', { name: 'Sign in with your site' }).click();
  await expect(section.getByRole('alert')).toHaveText(
    'Use the https:// address of your blog: a password must never cross the network in clear.',
  );

  await site.fill(`127.0.0.1:${port}`);
  await site.press('Enter');
  // Without a scheme the address is taken as https, which this port does not speak either.
  await expect(section.getByRole('alert')).toHaveText(
    `Could not reach 127.0.0.1:${port}. Check the address and your connection; if both are right, the site may not let apps read it (CORS).`,
  );
  await expect(site).toBeFocused();
  await expect(site).toHaveValue(`127.0.0.1:${port}`);
  expect(new URL(page.url()).pathname).toBe('/settings');
});

test('connected blogs: how posts go, the default, and removing one forgets it here', async ({
  page,
}) => {
  await openBlogSettings(page);
  await storeDestinations(page, [FIELD_NOTES, GARDEN]);
  await page.reload();
  const section = blogSection(page);
  const blogs = section.getByRole('list', { name: 'Your blog' }).getByRole('listitem');
  await expect(blogs).toHaveCount(2);
  const fieldNotes = blogs.filter({ hasText: 'Field notes' });
  await expect(fieldNotes).toContainText('WordPress · https://fieldnotes.example');
  await expect(fieldNotes).toContainText('Default');
  await expect(blogs.filter({ hasText: 'Digital garden' })).toContainText('Micropub');
  await expect(blogs.filter({ hasText: 'Digital garden' })).not.toContainText('Default');
  await expect(
    fieldNotes.getByRole('radio', { name: 'Drafts for me to finish on the blog' }),
  ).toBeChecked();

  await fieldNotes.getByRole('radio', { name: 'Published posts' }).check();
  await expect
    .poll(async () => (await storedDestinations(page)).find((d) => d.id === FIELD_NOTES.id))
    .toMatchObject({ postStatus: 'publish' });

  await section.getByRole('button', { name: 'Make default: Digital garden' }).click();
  await expect(blogs.first()).toContainText('Digital garden');
  await expect(blogs.first()).toContainText('Default');
  await expect(section.getByRole('button', { name: 'Make default: Field notes' })).toBeVisible();

  // Removing asks first, and says the password is forgotten on this device; Escape keeps it.
  await section.getByRole('button', { name: 'Remove Field notes' }).click();
  const confirm = section.getByRole('group', { name: /^Remove Field notes from this device\?/ });
  await expect(confirm).toContainText('forgets its application password on this device');
  await expect(
    confirm.getByRole('button', { name: 'Remove and forget the password' }),
  ).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Remove Field notes' })).toBeFocused();

  await page.keyboard.press('Enter');
  await confirm.getByRole('button', { name: 'Remove and forget the password' }).click();
  await expect(blogs).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Removed Field notes' })).toBeVisible();
  await expect(section.getByRole('heading', { name: 'Your blog' })).toBeFocused();
  expect((await storedDestinations(page)).map((d) => d.id)).toEqual([GARDEN.id]);

  await section.getByRole('button', { name: 'Remove Digital garden' }).click();
  await section.getByRole('button', { name: 'Remove and forget the sign-in' }).click();
  await expect(section).toContainText('Publish your weeknote to WordPress or a Micropub site');
  expect(await storedDestinations(page)).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: empty, a form with a problem, and a list with a confirmation (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openBlogSettings(page);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    const section = blogSection(page);
    await section.getByRole('button', { name: 'Connect WordPress' }).click();
    await section.getByRole('textbox', { name: 'Site address' }).fill('http://example.blog');
    await section.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(section.getByRole('alert')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await storeDestinations(page, [FIELD_NOTES, GARDEN]);
    await page.reload();
    await section.getByRole('button', { name: 'Remove Digital garden' }).click();
    await expect(section.getByRole('group', { name: /^Remove Digital garden/ })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    // Nothing in the section is wider than the phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
}
