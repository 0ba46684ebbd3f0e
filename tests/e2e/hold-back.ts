import type { Page, Route } from '@playwright/test';

/**
 * Holds back responses for requests matching `pattern` until `release` is called (the page's
 * service worker must be blocked for Playwright to see them). `held` lists what was asked for.
 */
export async function holdBack(page: Page, pattern: RegExp) {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route(pattern, async (route: Route) => {
    held.push(route.request().url());
    await released;
    await route.continue();
  });
  return { release, held };
}
