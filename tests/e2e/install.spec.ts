import { devices } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a plain .mjs helper shared with the scripts
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { captureBox, expect, test, waitForServiceWorker } from './fixtures';

interface ManifestShape {
  shortcuts: { name: string; url: string }[];
  share_target: { action: string; method: string; params: Record<string, string> };
  icons: { sizes: string; purpose?: string }[];
  screenshots: { form_factor?: string }[];
  display: string;
  start_url: string;
  scope: string;
  theme_color: string;
  background_color: string;
}

test('Chromium finds nothing that stops installing', async ({ playwright, server }) => {
  // A normal profile: Playwright's default contexts are incognito, where nothing installs.
  const profile = mkdtempSync(join(tmpdir(), 'weeknotes-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...devices['Pixel 7'],
    executablePath: (chromiumPath as () => string | null)() ?? undefined,
    args: CHROMIUM_ARGS as string[],
  });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: unknown[];
    };
    expect(installabilityErrors).toEqual([]);
    const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: unknown[] };
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the manifest is complete, with a Capture shortcut and a share target', async ({
  request,
}) => {
  const res = await request.get('/manifest.webmanifest');
  expect(res.ok()).toBe(true);
  const manifest = (await res.json()) as ManifestShape;
  expect(manifest).toMatchObject({
    display: 'standalone',
    start_url: '/',
    scope: '/',
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.shortcuts.map((s) => s.url)).toContain('/?source=shortcut');
  expect(manifest.share_target).toEqual({
    action: '/share',
    method: 'GET',
    enctype: 'application/x-www-form-urlencoded',
    params: { title: 'title', text: 'text', url: 'url' },
  });
  expect(manifest.icons.map((i) => i.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
  for (const icon of [
    '/icons/icon-192.png',
    '/icons/maskable-512.png',
    '/icons/apple-touch-icon.png',
  ]) {
    expect((await request.get(icon)).ok(), icon).toBe(true);
  }
});

test('the page has the iOS install tags', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
    'href',
    '/icons/apple-touch-icon.png',
  );
  await expect(page.locator('meta[name="apple-mobile-web-app-capable"]')).toHaveAttribute(
    'content',
    'yes',
  );
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
    'href',
    '/manifest.webmanifest',
  );
});

test('the share target opens capture prefilled, keeping what was already typed', async ({
  page,
}) => {
  await page.goto('/');
  await captureBox(page).fill('Half a thought');
  const query = new URLSearchParams({
    title: 'A post worth reading',
    text: 'Good on service design',
    url: 'https://example.org/post',
  });
  await page.goto(`/share?${query}`);
  await expect(captureBox(page)).toHaveValue(
    'Half a thought\n\nA post worth reading\nGood on service design\nhttps://example.org/post',
  );
  await expect(page).toHaveURL(/\/$/);
  await page.reload();
  await expect(captureBox(page)).toHaveValue(/A post worth reading/);
});

test('the Capture shortcut opens the capture box', async ({ page }) => {
  await page.goto('/?source=shortcut');
  await expect(captureBox(page)).toBeFocused();
});
