import { devices, type Page } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { addPasskeyAuthenticator } from '../../scripts/chromium.mjs';
// @ts-expect-error -- the benchmarks' data generator, plain .mjs
import { generate } from '../../scripts/bench/generate.mjs';
import { capture, expect, test } from './fixtures';

test.describe.configure({ timeout: 90_000 });

/** Writes moments and drafts straight into IndexedDB, as years of local use would leave them. */
async function holdData(page: Page, weeks: number): Promise<number> {
  const data = (generate as (weeks: number) => { moments: unknown[]; drafts: unknown[] })(weeks);
  // The app makes its database once it has loaded (when idle, or at the first keystroke), with
  // Dexie's versions (each ×10): wait for its schema, not an empty database someone opened.
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await indexedDB.databases()).some((d) => d.name === 'weeknotes' && (d.version ?? 0) >= 10),
      ),
    )
    .toBe(true);
  await page.evaluate(async ({ moments, drafts }) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('weeknotes');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error ?? new Error('IndexedDB would not open'));
    });
    await new Promise((ok, fail) => {
      const tx = db.transaction(['moments', 'drafts'], 'readwrite');
      for (const m of moments) tx.objectStore('moments').put(m);
      for (const d of drafts) tx.objectStore('drafts').put(d);
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error ?? new Error('The write failed'));
    });
    db.close();
  }, data);
  return data.moments.length;
}

/** Every record the account holds on the server, read as a device would pull them. */
async function serverCount(page: Page, url: string): Promise<number> {
  let since = 0;
  let count = 0;
  for (;;) {
    const res = await page.request.get(`${url}/api/sync/pull?since=${since}&limit=1000`);
    const body = (await res.json()) as { changes: unknown[]; cursor: number; more: boolean };
    count += body.changes.length;
    since = body.cursor;
    if (!body.more) return count;
  }
}

test.use({ ...devices['Pixel 7'], viewport: { width: 360, height: 780 } });

test('signing up shows the upload counting up, and capturing carries on meanwhile', async ({
  page,
  context,
  server,
}, testInfo) => {
  // Passkeys need a domain, not an IP address.
  const url = server.url.replace('127.0.0.1', 'localhost');
  await page.goto(url);
  await expect(page.getByRole('textbox', { name: 'What happened?' })).toBeFocused();
  const moments = await holdData(page, 22);
  // Each push waits a little on the way, as on a slow phone network, so the count can be seen.
  await page.route('**/api/sync/push', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await (addPasskeyAuthenticator as (c: unknown, p: Page) => Promise<void>)(context, page);
  await page.goto(`${url}/settings`);
  await page.getByRole('button', { name: 'Create an account with a passkey' }).click();

  const status = page.locator('.sync-status');
  const total = /of 1,1\d\d…/;
  await expect(status).toContainText(/Uploading 0 of 1,1\d\d…/);
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: testInfo.outputPath(`upload-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('link', { name: 'Capture' }).click();
  await capture(page, 'Written while the upload runs #upload');
  await expect(status).toContainText(/Uploading 500 of 1,1\d\d…/);
  await expect(status).toContainText(total);
  await expect(status).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
  await expect(status).not.toContainText('Uploading');
  await expect(status).not.toContainText('waiting');
  // Every moment, the drafts and the one written meanwhile reached the server.
  expect(await serverCount(page, url)).toBeGreaterThanOrEqual(moments + 22 + 1);
});
