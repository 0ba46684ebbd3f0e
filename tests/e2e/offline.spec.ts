import { capture, captureBox, expect, test, todaysMoments, waitForServiceWorker } from './fixtures';

test('with no network the app loads, captures, and keeps the capture', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await capture(page, 'Online first');

  await context.setOffline(true);
  await page.reload();
  await expect(captureBox(page)).toBeVisible();
  await expect(todaysMoments(page).filter({ hasText: 'Online first' })).toHaveCount(1);
  await capture(page, 'Captured on the train with no signal');

  await page.reload();
  await expect(
    todaysMoments(page).filter({ hasText: 'Captured on the train with no signal' }),
  ).toHaveCount(1);

  // Deep links open offline too.
  await page.goto('/week');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Week beginning/);
  await expect(page.getByText('Captured on the train with no signal')).toBeVisible();
  await context.setOffline(false);
});

test('offline, each screen opens on its own shell, its code already asked for by the page', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  // What the page held once parsed, before its first script ran.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      (window as unknown as { parsed: string[] }).parsed = [
        ...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]'),
      ].map((l) => new URL(l.href).pathname);
    });
  });
  await context.setOffline(true);
  for (const [path, module, heading] of [
    ['/week/2026-11-16', 'WeekScreen', /^Week beginning 16 November/],
    ['/settings', 'SettingsScreen', 'Settings'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    const parsed = await page.evaluate(() => (window as unknown as { parsed: string[] }).parsed);
    expect(parsed.some((p) => p.startsWith(`/assets/${module}-`))).toBe(true);
    expect(parsed.some((p) => p.startsWith('/assets/App-'))).toBe(true);
  }
  await context.setOffline(false);
});
