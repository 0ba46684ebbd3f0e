import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { addPasskeyAuthenticator } from '../../scripts/chromium.mjs';
import { isCryptoProblem } from '../../src/crypto/crypto-problem';
import { readWrappedKey, unwrapDataKey } from '../../src/crypto/data-key';
import { keepsCommitment, linkKek, newLinkKeys, safetyNumber } from '../../src/crypto/link';
import { payloadKeyId } from '../../src/crypto/payload';
import { capture, draftSaved, expect, test } from './fixtures';
import { confirmSafetyNumber } from './link-helpers';
import { startServer, type RunningServer } from './server';

/**
 * The key hand-over while linking a device (ADR 0015, "Link code"), end to end: the safety
 * number on both devices, what the server's relay ends up holding, and stopping a link.
 */

test.describe.configure({ timeout: 90_000 });

const SHOTS = '/tmp/wn/shots';

async function device(
  browser: Browser,
  width: number,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...(width < 600 ? devices['Pixel 7'] : {}),
    viewport: { width, height: 780 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  await (addPasskeyAuthenticator as (c: BrowserContext, p: Page) => Promise<void>)(context, page);
  return { context, page };
}

/** A fresh server, a phone with an account and a second device given its link code. */
async function startLink(browser: Browser, newWidth = 1280) {
  const server = await startServer();
  const url = server.url.replace('127.0.0.1', 'localhost');
  const phone = await device(browser, 360);
  const laptop = await device(browser, newWidth);
  const p = phone.page;
  await p.goto(`${url}/settings`);
  await p.getByRole('button', { name: 'Create an account with a passkey' }).click();
  await p.getByRole('button', { name: 'I have saved them' }).click();
  await expect(p.locator('.sync-status')).toHaveAttribute('data-state', 'synced');
  await p.getByRole('button', { name: 'Show a code to link another device' }).click();
  const code = (await p.locator('.link-code').textContent()) ?? '';
  await expect(p.getByText('Waiting for the other device to join…')).toBeVisible();

  const l = laptop.page;
  await l.goto(`${url}/settings`);
  await l.getByLabel('Name for this device').fill('Work laptop');
  await l.getByLabel('Code from your other device').fill(code);
  await l.getByRole('button', { name: 'Join with code' }).click();
  await expect(l.getByText('Syncing as Work laptop.')).toBeVisible();
  return {
    server,
    url,
    phone: p,
    laptop: l,
    close: async () => {
      await phone.context.close();
      await laptop.context.close();
      await server.stop();
    },
  };
}

/** The server's database, read as the server (or anyone holding its disk) could. */
function serverDatabase(server: RunningServer) {
  return new Database(join(server.dataDir, 'data', 'weeknotes.sqlite'), { readonly: true });
}

interface RelayRow {
  commitment: string;
  old_public_key: string;
  new_public_key: string;
  wrapped: string;
}

test('a linked laptop reads what the phone captures, and the relay holds nothing that opens it', async ({
  browser,
}) => {
  const { server, url, phone, laptop, close } = await startLink(browser);
  try {
    const number = await confirmSafetyNumber(phone, laptop);
    await expect(laptop.locator('.sync-status')).toHaveAttribute('data-state', 'synced');
    // The first sync opened the pulled payloads in the worker, off the page's thread.
    expect(laptop.workers().map((w) => w.url())).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/assets\/open-worker-[\w-]+\.js$/)]),
    );
    await expect(phone.getByRole('listitem').filter({ hasText: 'Work laptop' })).toBeVisible();

    await phone.goto(`${url}/write`);
    await phone.getByRole('button', { name: 'Start a blank weeknote' }).click();
    const draft = phone.getByRole('textbox', { name: 'Weeknote in Markdown' });
    await draft.fill('A week by the sea.\n');
    await expect(draftSaved(phone)).toBeVisible();
    await phone.goto(url);
    await capture(phone, 'Met the lighthouse keeper #coast');
    await expect(phone.locator('.sync-status')).toHaveAttribute('data-state', 'synced', {
      timeout: 15_000,
    });
    await expect(phone.locator('.sync-status')).not.toContainText('waiting', { timeout: 15_000 });

    await laptop.goto(`${url}/week`);
    await expect(laptop.getByText('Met the lighthouse keeper #coast')).toBeVisible({
      timeout: 15_000,
    });
    await laptop.goto(`${url}/write`);
    await expect(laptop.getByRole('textbox', { name: 'Weeknote in Markdown' })).toHaveValue(
      /A week by the sea\./,
      { timeout: 15_000 },
    );

    const db = serverDatabase(server);
    try {
      const relay = db
        .prepare('select commitment, old_public_key, new_public_key, wrapped from key_links')
        .all() as RelayRow[];
      expect(relay).toHaveLength(1);
      const row = relay[0]!;
      // The relay holds exactly what the devices sent: the commitment the laptop's key keeps,
      // the two public keys behind the number both screens showed, and a wrapped key.
      expect(await keepsCommitment(row.new_public_key, row.commitment)).toBe(true);
      expect(await safetyNumber(row.old_public_key, row.new_public_key)).toBe(number);
      const laptopBox = db
        .prepare("select public_key from key_boxes where kind = 'device' and public_key = ?")
        .get(row.new_public_key);
      expect(laptopBox).toBeTruthy();

      // The wrapped key is the one the server's records are sealed with...
      const payloads = (
        db.prepare("select payload from records where payload != ''").all() as {
          payload: string;
        }[]
      ).map((r) => r.payload);
      expect(payloads.length).toBeGreaterThan(1);
      const keyIds = new Set(payloads.map(payloadKeyId));
      expect([...keyIds]).toEqual([readWrappedKey(row.wrapped).keyId]);
      const stored = [
        ...payloads,
        row.commitment,
        row.old_public_key,
        row.new_public_key,
        row.wrapped,
      ].join('\n');
      expect(stored).not.toContain('lighthouse');
      expect(stored).not.toContain('by the sea');

      // ...and it opens only with a private key of one of the two devices. All the server has
      // are public keys: a KEK it derives from them with any key pair of its own, in either
      // role, is refused.
      for (let i = 0; i < 3; i += 1) {
        const own = await newLinkKeys();
        for (const [theirs, role] of [
          [row.new_public_key, 'old'],
          [row.old_public_key, 'new'],
        ] as const) {
          const problem: unknown = await unwrapDataKey(
            row.wrapped,
            await linkKek(own, theirs, role),
          ).then(
            () => null,
            (err: unknown) => err,
          );
          expect(isCryptoProblem(problem, 'refused')).toBe(true);
        }
      }
    } finally {
      db.close();
    }
  } finally {
    await close();
  }
});

test('“They don’t match” stops the link: nothing is handed over and the laptop stays locked', async ({
  browser,
}) => {
  const { server, phone, laptop, close } = await startLink(browser);
  try {
    const onLaptop = laptop
      .getByRole('region', { name: 'Unlocking this device' })
      .locator('.safety-number');
    await expect(onLaptop).toHaveText(/^\d{3} \d{3}$/, { timeout: 15_000 });
    await expect(phone.locator('.safety-number')).toHaveText((await onLaptop.textContent())!);
    await phone.getByRole('button', { name: 'They don’t match' }).click();
    await expect(
      phone.getByText('The link was stopped and nothing was handed over.'),
    ).toBeVisible();
    await expect(phone.getByRole('button', { name: 'Show a new code' })).toBeVisible();

    await expect(laptop.getByRole('alert')).toContainText(
      'The link was stopped on your other device',
      {
        timeout: 15_000,
      },
    );
    await expect(laptop.locator('.sync-status')).toHaveAttribute('data-state', 'locked');
    await expect(laptop.getByRole('region', { name: 'Unlock this device' })).toBeVisible();

    const db = serverDatabase(server);
    try {
      expect(db.prepare('select count(*) as n from key_links').get()).toEqual({ n: 0 });
      // Copies of the key exist only for the phone's box and its ways in, none for the laptop.
      const laptopCopies = db
        .prepare(
          `select count(*) as n from wrapped_keys w join key_boxes b on b.id = w.box_id
           join devices d on d.id = b.device_id where d.name = 'Work laptop'`,
        )
        .get();
      expect(laptopCopies).toEqual({ n: 0 });
      expect(
        db
          .prepare(
            "select count(*) as n from key_boxes b join devices d on d.id = b.device_id where d.name = 'Work laptop'",
          )
          .get(),
      ).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  } finally {
    await close();
  }
});

test('both sides of the safety-number check pass axe in light and dark at 360 px', async ({
  browser,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const { phone, laptop, close } = await startLink(browser, 360);
  try {
    await expect(laptop.locator('.safety-number')).toBeVisible({ timeout: 15_000 });
    await expect(phone.getByRole('button', { name: 'The numbers match' })).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      for (const [side, page, region] of [
        ['old', phone, 'Link another device'],
        ['new', laptop, 'Unlocking this device'],
      ] as const) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        const card = page.locator('.settings-card:has(#sync-settings)');
        const results = await new AxeBuilder({ page })
          .include('.settings-card:has(#sync-settings)')
          .analyze();
        expect(results.violations, `${side} device, ${scheme}`).toEqual([]);
        await page.getByRole('region', { name: region }).scrollIntoViewIfNeeded();
        await card.screenshot({ path: join(SHOTS, `link-${side}-${scheme}.png`) });
      }
    }
    // Keyboard alone: Tab reaches the confirmation, Enter confirms.
    await phone.getByRole('button', { name: 'They don’t match' }).focus();
    await phone.keyboard.press('Shift+Tab');
    await expect(phone.getByRole('button', { name: 'The numbers match' })).toBeFocused();
    await phone.keyboard.press('Enter');
    await expect(phone.getByText('Linked. Your other device can now read')).toBeVisible();
    await expect(laptop.getByText('Unlocked. This device can now read')).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      for (const [side, page] of [
        ['old', phone],
        ['new', laptop],
      ] as const) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        const results = await new AxeBuilder({ page })
          .include('.settings-card:has(#sync-settings)')
          .analyze();
        expect(results.violations, `${side} device linked, ${scheme}`).toEqual([]);
        await page
          .locator('.settings-card:has(#sync-settings)')
          .screenshot({ path: join(SHOTS, `linked-${side}-${scheme}.png`) });
      }
    }
  } finally {
    await close();
  }
});
