import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import {
  devices,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { addPasskeyAuthenticator } from '../../scripts/chromium.mjs';
import { capture, draftSaved, expect, test } from './fixtures';
import { startServer, type RunningServer } from './server';

/*
 * Unlocking a device with a passkey's PRF and with the recovery key (ADR 0015), through
 * Chromium's virtual authenticator (CDP `WebAuthn`). What it does, as found with this Chromium:
 * - with `hasPrf`, create() already answers the PRF output when asked to evaluate an input (no
 *   second touch), and get() answers the same output for that credential;
 * - `WebAuthn.getCredentials` does not export a credential's hmac secret, so a copy added to
 *   another authenticator with `WebAuthn.addCredential` signs in but gives no PRF output, even
 *   on an authenticator with `hasPrf`. A second browser context cannot share the first one's
 *   PRF: the PRF test signs the same page (the same authenticator) out and wipes everything the
 *   site stored, so it starts as a new device with that passkey.
 */

test.describe.configure({ timeout: 120_000 });

const SHOTS = '/tmp/wn/shots';
const MOMENT = 'Sealed before it left the phone #privacy';
const DRAFT = 'Only my devices can read this.';

interface Device {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  authenticatorId: string;
}

/**
 * How the authenticator answers PRF: `prf` already at create(), as platform passkeys do;
 * `hmac-secret` only at get(), as security keys do (sign-up takes one more touch); `none` not at all.
 */
type Prf = 'prf' | 'hmac-secret' | 'none';

/** A phone-sized browser with a software passkey authenticator. */
async function phone(browser: Browser, prf: Prf): Promise<Device> {
  const context = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 360, height: 780 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  const add = addPasskeyAuthenticator as (
    c: BrowserContext,
    p: Page,
    o: object,
  ) => Promise<{ cdp: CDPSession; authenticatorId: string }>;
  const { cdp, authenticatorId } = await add(context, page, {
    hasPrf: prf === 'prf',
    hasHmacSecret: prf === 'hmac-secret',
  });
  return { context, page, cdp, authenticatorId };
}

/**
 * A recovery key as ADR 0015 writes one, made here from the spec: 32 bytes and their CRC-24
 * (RFC 4880), in Crockford base32, fourteen groups of four.
 */
function recoveryKeyFor(key: Uint8Array): string {
  let crc = 0xb704ce;
  for (const byte of key) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  const bytes = [...key, (crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff];
  const bits = bytes.map((b) => b.toString(2).padStart(8, '0')).join('');
  const symbols = (bits.match(/.{5}/g) ?? []).map(
    (b) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[parseInt(b, 2)],
  );
  return (symbols.join('').match(/.{4}/g) ?? []).join('-');
}

/** Passkeys need a domain, not an IP address: the same server, reached as localhost. */
const localhost = (server: RunningServer): string => server.url.replace('127.0.0.1', 'localhost');

const draftBody = (page: Page) => page.getByRole('textbox', { name: 'Weeknote in Markdown' });
const status = (page: Page) => page.locator('.sync-status');
const unlockRegion = (page: Page) => page.getByRole('region', { name: 'Unlock this device' });

/** The phone signs up; answers the recovery key it showed once. */
async function signUp(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/settings`);
  await page.getByRole('button', { name: 'Create an account with a passkey' }).click();
  const region = page.getByRole('region', { name: 'Recovery codes and key', exact: true });
  await expect(region.getByRole('listitem')).toHaveCount(10);
  const key = ((await region.locator('.recovery-key code').textContent()) ?? '').trim();
  expect(key).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){13}$/);
  await region.getByRole('button', { name: 'I have saved them' }).click();
  await expect(region).toHaveCount(0);
  await expect(status(page)).toHaveAttribute('data-state', 'synced');
  return key;
}

/** A moment and a draft written on the page, then sent, sealed. */
async function writeMomentAndDraft(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await capture(page, MOMENT);
  await page.goto(`${url}/write`);
  await page.getByRole('button', { name: 'Compile draft' }).click();
  await draftBody(page).click();
  await page.keyboard.press('Control+End');
  await draftBody(page).pressSequentially(DRAFT);
  await expect(draftSaved(page)).toBeVisible();
  await page.goto(`${url}/settings`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(status(page)).toHaveText(/^Synced \d\d:\d\d$/, { timeout: 15_000 });
  const held = await onServer(page);
  expect(held.kinds).toEqual(expect.arrayContaining(['moment', 'draft']));
  // Every payload the server holds is sealed, and none carries a word of what was written.
  for (const payload of held.payloads) {
    expect(payload.startsWith('wnp.')).toBe(true);
    for (const word of ['Sealed', 'privacy', 'devices']) expect(payload).not.toContain(word);
  }
}

/** What the server holds for the signed-in account: each record's kind and payload. */
async function onServer(page: Page): Promise<{ kinds: string[]; payloads: string[] }> {
  return page.evaluate(async () => {
    const res = await fetch('/api/sync/pull?since=0&limit=500');
    const { changes } = (await res.json()) as { changes: { kind: string; payload: string }[] };
    return {
      kinds: changes.map((c) => c.kind),
      payloads: changes.map((c) => c.payload).filter((p) => p !== ''),
    };
  });
}

/** The moment and the draft show on the page. */
async function readsEverything(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/week`);
  await expect(page.getByText(MOMENT)).toBeVisible({ timeout: 15_000 });
  await page.goto(`${url}/write`);
  await expect(draftBody(page)).toHaveValue(new RegExp(DRAFT.replace('.', '\\.')), {
    timeout: 15_000,
  });
}

/** What the server's key store holds for the signed-in account (public parts only). */
async function keyStore(page: Page): Promise<{ kind: string; id: string }[]> {
  return page.evaluate(async () => {
    const res = await fetch('/api/keys');
    return ((await res.json()) as { boxes: { kind: string; id: string }[] }).boxes;
  });
}

for (const kind of ['prf', 'hmac-secret'] as const) {
  test(`a passkey with PRF (${kind}) unlocks a new device with nothing to type`, async ({
    browser,
  }) => {
    const server = await startServer();
    const url = localhost(server);
    const device = await phone(browser, kind);
    const { page } = device;
    try {
      await signUp(page, url);
      // Sign-up made a box for the passkey (its PRF output came at create(), or from one more touch).
      expect((await keyStore(page)).map((b) => b.kind).sort()).toEqual([
        'device',
        'prf',
        'recovery',
      ]);
      await writeMomentAndDraft(page, url);

      // A new device with the same passkey: signed out (the keyring goes), then every trace of the
      // site wiped (database, session cookie, service worker), keeping only the authenticator.
      await page.goto(`${url}/settings`);
      await page.getByRole('button', { name: 'Sign out of this device' }).click();
      await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toBeVisible();
      await page.goto(`${url}/manifest.webmanifest`);
      await device.cdp.send('Storage.clearDataForOrigin', { origin: url, storageTypes: 'all' });
      expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
      await page.goto(url);
      await expect(page.getByText(MOMENT)).toHaveCount(0);

      await page.goto(`${url}/settings`);
      await page.getByLabel('Name for this device').fill('Second phone');
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await expect(page.getByText('Syncing as Second phone.')).toBeVisible();
      await expect(status(page)).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
      await expect(unlockRegion(page)).toHaveCount(0);
      await readsEverything(page, url);
      await expect(status(page)).not.toContainText('Locked');
    } finally {
      await device.context.close();
      await server.stop();
    }
  });
}

test('a passkey without PRF leaves a new device locked until the recovery key unlocks it', async ({
  browser,
}) => {
  const server = await startServer();
  const url = localhost(server);
  const first = await phone(browser, 'prf');
  const second = await phone(browser, 'none');
  try {
    const key = await signUp(first.page, url);
    await writeMomentAndDraft(first.page, url);

    // The same passkey on a device whose authenticator has no PRF.
    const { credentials } = await first.cdp.send('WebAuthn.getCredentials', {
      authenticatorId: first.authenticatorId,
    });
    expect(credentials).toHaveLength(1);
    await second.cdp.send('WebAuthn.addCredential', {
      authenticatorId: second.authenticatorId,
      credential: credentials[0]!,
    });
    const page = second.page;
    await page.goto(`${url}/settings`);
    await page.getByLabel('Name for this device').fill('Second phone');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.getByText('Syncing as Second phone.')).toBeVisible();
    await expect(status(page)).toContainText('Locked, sync stopped');
    await expect(status(page).getByRole('link', { name: 'Unlock this device' })).toBeVisible();
    const region = unlockRegion(page);
    await expect(region).toBeVisible();
    await page.goto(`${url}/week`);
    await expect(status(page)).toContainText('Locked, sync stopped');
    await expect(page.getByText(MOMENT)).toHaveCount(0);
    await status(page).getByRole('link', { name: 'Unlock this device' }).click();
    await expect(region).toBeVisible();

    // Looked at, and checked with axe, in light and dark.
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('#encryption').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/unlock-${scheme}.png`, fullPage: false });
      await page.locator('#encryption').screenshot({ path: `${SHOTS}/unlock-card-${scheme}.png` });
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    // This passkey gives no PRF here, so it cannot unlock: the writer is sent to the recovery key.
    await region.getByRole('button', { name: 'Unlock with your passkey' }).click();
    await expect(region.getByRole('alert')).toHaveText(
      'This passkey cannot unlock your notes. Use your recovery key.',
    );

    // A real-looking key (its check digits right) for other bytes: tried, and refused.
    const field = region.getByLabel('Recovery key');
    const unlock = region.getByRole('button', { name: 'Unlock with recovery key' });
    await field.fill(recoveryKeyFor(randomBytes(32)));
    await unlock.click();
    const refused = region.getByRole('alert');
    await expect(refused).toHaveText(
      'That recovery key does not unlock this account. Check it against the one you saved.',
    );
    // Shown where the writer is looking, beside the key they tried.
    await expect(refused).toBeInViewport({ ratio: 1 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/unlock-refused-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // The right key with one symbol mistyped: caught by its check digits.
    const swapped = key.startsWith('7') ? `8${key.slice(1)}` : `7${key.slice(1)}`;
    await field.fill(swapped);
    await unlock.click();
    await expect(region.getByRole('alert')).toHaveText(
      'This recovery key has a mistyped character. Check it against the one you saved.',
    );
    await expect(status(page)).toContainText('Locked, sync stopped');

    // The key from sign-up, typed in lower case with dashes, all of it in view; Enter unlocks.
    await field.fill(key.toLowerCase().replace(/ /g, '-'));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await region.screenshot({ path: `${SHOTS}/unlock-typed-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(
      await field.evaluate(
        (el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight,
      ),
    ).toBe(true);
    await field.press('Enter');
    await expect(region).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(status(page)).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
    await readsEverything(page, url);

    // Settings: what encryption means, and a new recovery key shown once.
    await page.goto(`${url}/settings`);
    const card = page.locator('#encryption');
    await expect(card.getByRole('heading', { name: 'End-to-end encrypted' })).toBeVisible();
    const recoveryBefore = (await keyStore(page)).filter((b) => b.kind === 'recovery');
    expect(recoveryBefore).toHaveLength(1);
    await card.getByRole('button', { name: 'Make a new recovery key' }).click();
    const shown = card.getByRole('region', { name: 'Recovery key', exact: true });
    const fresh = ((await shown.locator('.recovery-key code').textContent()) ?? '').trim();
    expect(fresh).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){13}$/);
    expect(fresh).not.toBe(key);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await shown.screenshot({ path: `${SHOTS}/new-recovery-key-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await shown.getByRole('button', { name: 'I have saved it' }).click();
    await expect(shown).toHaveCount(0);
    await expect(page.getByText(fresh)).toHaveCount(0);
    await page.reload();
    await expect(card.getByRole('button', { name: 'Make a new recovery key' })).toBeVisible();
    await expect(page.getByText(fresh)).toHaveCount(0);
    // The old recovery box is gone: only the new key unlocks now.
    const recoveryAfter = (await keyStore(page)).filter((b) => b.kind === 'recovery');
    expect(recoveryAfter).toHaveLength(1);
    expect(recoveryAfter[0]!.id).not.toBe(recoveryBefore[0]!.id);
  } finally {
    await first.context.close();
    await second.context.close();
    await server.stop();
  }
});

test('the recovery codes and key at sign-up, at 360 px in light and dark', async ({ browser }) => {
  const server = await startServer();
  const url = localhost(server);
  const device = await phone(browser, 'prf');
  try {
    await device.page.goto(`${url}/settings`);
    await device.page.getByRole('button', { name: 'Create an account with a passkey' }).click();
    const region = device.page.getByRole('region', { name: 'Recovery codes and key', exact: true });
    await expect(region.getByRole('listitem')).toHaveCount(10);
    for (const scheme of ['light', 'dark'] as const) {
      await device.page.emulateMedia({ colorScheme: scheme });
      await region.screenshot({ path: `${SHOTS}/signup-codes-and-key-${scheme}.png` });
      expect((await new AxeBuilder({ page: device.page }).analyze()).violations).toEqual([]);
    }
  } finally {
    await device.context.close();
    await server.stop();
  }
});
