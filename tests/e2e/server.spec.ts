import { expect, test } from '@playwright/test';
import { capture } from './fixtures';
import { startServer } from './server';

test('the server stops cleanly on SIGTERM', async () => {
  const server = await startServer();
  const health = await fetch(`${server.url}/healthz`);
  expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
  expect(await server.stop()).toBe(0);
  expect(server.output()).toContain('SIGTERM received');
});

test('no request leaves for another origin and the CSP is never violated', async ({ page }) => {
  const server = await startServer();
  try {
    const foreign: string[] = [];
    const violations: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(e.message));
    await page.goto(server.url);
    await capture(page, 'Checking requests #privacy');
    for (const path of ['/week', '/settings', '/']) {
      await page.goto(server.url + path);
      await expect(page.locator('main h1')).toBeAttached();
    }
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
  } finally {
    await server.stop();
  }
});
