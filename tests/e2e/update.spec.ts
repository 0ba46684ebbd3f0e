import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { captureBox, expect, test, waitForServiceWorker, draftSaved } from './fixtures';
import { copyOfBuiltApp, startServer } from './server';

/** Publishes a new version (any byte change to sw.js is a new service worker) and waits for the
 * app to offer it. Returns the offer. */
async function publishUpdate(page: Page, dist: string) {
  appendFileSync(join(dist, 'sw.js'), '\n// next release\n');
  // A real build writes sw.js.br and .gz afresh; this hand-made release drops the stale ones.
  for (const copy of ['sw.js.br', 'sw.js.gz']) rmSync(join(dist, copy), { force: true });
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  const prompt = page.getByRole('status').filter({ hasText: 'A new version of Weeknotes' });
  await expect(prompt).toBeVisible({ timeout: 15_000 });
  return prompt;
}

test('a waiting update is offered, and accepting it keeps unsaved text', async ({ page }) => {
  const dist = copyOfBuiltApp();
  const server = await startServer({ staticDir: dist });
  try {
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await captureBox(page).fill('Typed just before the update');

    const prompt = await publishUpdate(page, dist);
    // Nothing reloads on its own while the prompt waits.
    await expect(captureBox(page)).toHaveValue('Typed just before the update');

    await Promise.all([
      page.waitForEvent('framenavigated'),
      prompt.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await expect(captureBox(page)).toHaveValue('Typed just before the update');
    await expect(prompt).toHaveCount(0);
    // The new version took over: nothing is left waiting.
    const stillWaiting = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null,
    );
    expect(stillWaiting).toBe(false);
  } finally {
    await server.stop();
  }
});

test('an update arriving while the draft editor has unsaved typing keeps every character', async ({
  page,
}) => {
  const dist = copyOfBuiltApp();
  const server = await startServer({ staticDir: dist });
  const body = page.getByRole('textbox', { name: 'Weeknote in Markdown' });
  try {
    await page.goto(`${server.url}/write`);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Start a blank weeknote' }).click();
    await body.click();
    await page.keyboard.press('Control+End');
    await body.pressSequentially('Typed before the update. ');

    const prompt = await publishUpdate(page, dist);

    // Still typing when the update is accepted: the last keystrokes have not reached IndexedDB.
    await body.click();
    await page.keyboard.press('Control+End');
    await body.pressSequentially('And typed while it waited.');
    await Promise.all([
      page.waitForEvent('framenavigated'),
      prompt.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await expect(body).toHaveValue(/Typed before the update\. And typed while it waited\.$/);
    await expect(prompt).toHaveCount(0);
    // And the text is in IndexedDB itself, not only in the per-keystroke local copy.
    await expect(draftSaved(page)).toBeVisible();
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(body).toHaveValue(/And typed while it waited\.$/);
  } finally {
    await server.stop();
  }
});
