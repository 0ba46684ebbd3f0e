import type { BrowserContext, Page } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { addPasskeyAuthenticator } from '../../scripts/chromium.mjs';
import { capture, draftSaved, expect, test } from './fixtures';

test.describe.configure({ timeout: 90_000 });

/** A change to what a live region says: what a screen reader would announce. */
interface Heard {
  region: string;
  text: string;
}

/**
 * From now on, records every change to the text of the page's live regions (and every live region
 * that appears already saying something), as a screen reader would hear them.
 */
async function listen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const LIVE = '[role=status], [role=alert], [role=log], [aria-live]:not([aria-live="off"])';
    const said = new Map<Element, string>();
    const heard: { region: string; text: string }[] = [];
    (window as unknown as { heard: typeof heard }).heard = heard;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}[${el.getAttribute('role') ?? el.getAttribute('aria-live')}] in ${el.parentElement?.className || el.parentElement?.tagName}`;
    const check = (first: boolean) => {
      for (const el of document.querySelectorAll(LIVE)) {
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        const was = said.get(el);
        said.set(el, text);
        if (first || text === (was ?? '')) continue;
        heard.push({ region: name(el), text });
      }
    };
    check(true);
    new MutationObserver(() => check(false)).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

const heard = (page: Page) =>
  page.evaluate(() => (window as unknown as { heard: Heard[] }).heard.slice());

/** Signs this device up with a software passkey, so it syncs every few seconds while visible. */
async function signUp(context: BrowserContext, page: Page, url: string): Promise<void> {
  await (addPasskeyAuthenticator as (c: BrowserContext, p: Page) => Promise<void>)(context, page);
  await page.goto(`${url}/settings`);
  await page.getByRole('button', { name: 'Create an account with a passkey' }).click();
  const codes = page.getByRole('region', { name: 'Recovery codes' });
  await codes.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.locator('.sync-status')).toHaveAttribute('data-state', 'synced');
}

test('routine sync rounds and typing in the draft announce nothing; going offline says so', async ({
  context,
  page,
  server,
}) => {
  // Passkeys need a domain, not an IP address: the same server, reached as localhost.
  const url = server.url.replace('127.0.0.1', 'localhost');
  await signUp(context, page, url);
  await page.goto(url);
  await capture(page, 'Opened the service centre');
  await page.goto(`${url}/write`);
  await page.getByRole('button', { name: 'Compile draft' }).click();
  const body = page.getByRole('textbox', { name: 'Weeknote in Markdown' });
  await body.click();
  await page.keyboard.press('Control+End');
  await expect(page.locator('.sync-status')).toHaveAttribute('data-state', 'synced');

  let pulls = 0;
  let pushes = 0;
  page.on('requestfinished', (r) => {
    if (r.url().includes('/api/sync/pull')) pulls++;
    if (r.url().includes('/api/sync/push')) pushes++;
  });
  await listen(page);
  // Keystrokes save the draft (its save state changes) and, two seconds on, push it.
  await page.keyboard.type(' Priya is leading the work to make it more welcoming.', { delay: 40 });
  await expect(draftSaved(page)).toBeVisible();
  await expect.poll(() => pushes, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  // Then another round: more typing is pushed in its own round (other devices' changes come on
  // the live stream, so there is no routine polling to wait for).
  await page.keyboard.type(' More words.', { delay: 40 });
  await expect(draftSaved(page)).toBeVisible();
  await expect.poll(() => pushes, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  expect(pulls).toBeGreaterThanOrEqual(1);
  await expect(page.locator('.sync-status')).toHaveAttribute('data-state', 'synced');
  await expect(page.locator('.sync-status')).toContainText('Synced');
  expect(await heard(page)).toEqual([]);

  await context.setOffline(true);
  await expect
    .poll(() => heard(page))
    .toEqual([
      expect.objectContaining({ region: expect.stringContaining('status'), text: 'Offline' }),
    ]);
  await expect(page.locator('.sync-status')).toContainText('Offline');
  await context.setOffline(false);
});
