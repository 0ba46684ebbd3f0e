import { test as base, expect, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './server';

/** Tests get a real server of their own (one per worker) and a baseURL pointing at it. */
export const test = base.extend<object, { server: RunningServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect };

/** The quick-capture box. */
export function captureBox(page: Page) {
  return page.getByRole('textbox', { name: 'What happened?' });
}

/** Types a moment and saves it with Enter, then waits for it to show in today's list. */
export async function capture(page: Page, text: string): Promise<void> {
  await captureBox(page).fill(text);
  await captureBox(page).press('Enter');
  await expect(captureBox(page)).toHaveValue('');
  await expect(todaysMoments(page).filter({ hasText: text.split('\n')[0] })).not.toHaveCount(0);
}

/** The list items of today's moments. */
export function todaysMoments(page: Page) {
  return page.getByRole('region', { name: 'Today' }).getByRole('listitem');
}

/** Waits until the service worker controls the page, so the app works offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active !== null && navigator.serviceWorker.controller !== null;
  });
}

/** The draft editor's save state once the text is written to IndexedDB (not only kept locally). */
export function draftSaved(page: Page) {
  return page.locator('.save-state[data-state="saved"]');
}

/** Captures a moment at a given time (the page's clock is fixed there), flagged if asked. */
export async function captureAt(
  page: Page,
  at: Date,
  text: string,
  flag?: 'Private' | 'Next week',
): Promise<void> {
  await page.clock.setFixedTime(at);
  await page.goto('/');
  if (flag) {
    await captureBox(page).fill(text);
    await page.getByRole('checkbox', { name: flag }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(captureBox(page)).toHaveValue('');
  } else {
    await capture(page, text);
  }
}

/** What IndexedDB holds for a setting, once the write has landed. */
export async function savedSetting(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('weeknotes');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get(k);
          get.onsuccess = () => {
            resolve((get.result as { value?: unknown } | undefined)?.value);
            open.result.close();
          };
        };
      }),
    key,
  );
}
