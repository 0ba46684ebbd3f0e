import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { addPasskeyAuthenticator } from '../../scripts/chromium.mjs';
import { capture, expect, test, draftSaved } from './fixtures';
import { confirmSafetyNumber } from './link-helpers';
import { startServer, type RunningServer } from './server';

test.describe.configure({ timeout: 90_000 });

/** A browser context with a software passkey authenticator, as a phone or a laptop. */
async function deviceContext(
  browser: Browser,
  kind: 'phone' | 'laptop',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(
    kind === 'phone'
      ? {
          ...devices['Pixel 7'],
          viewport: { width: 360, height: 780 },
          locale: 'en-GB',
          timezoneId: 'Europe/London',
        }
      : { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' },
  );
  const page = await context.newPage();
  await (addPasskeyAuthenticator as (c: BrowserContext, p: Page) => Promise<void>)(context, page);
  return { context, page };
}

/** Passkeys need a domain, not an IP address: the same server, reached as localhost. */
function localhost(server: RunningServer): string {
  return server.url.replace('127.0.0.1', 'localhost');
}

async function signUpAndLink(phone: Page, laptop: Page, url: string): Promise<void> {
  await phone.goto(`${url}/settings`);
  await phone.getByRole('button', { name: 'Create an account with a passkey' }).click();
  const codes = phone.getByRole('region', { name: 'Recovery codes' });
  await expect(codes.getByRole('listitem')).toHaveCount(10);
  await codes.getByRole('button', { name: 'I have saved them' }).click();
  await phone.getByRole('button', { name: 'Show a code to link another device' }).click();
  const code = (await phone.locator('.link-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  await laptop.goto(`${url}/settings`);
  await laptop.getByLabel('Name for this device').fill('Work laptop');
  await laptop.getByLabel('Code from your other device').fill(code.toLowerCase());
  await laptop.getByRole('button', { name: 'Join with code' }).click();
  await expect(laptop.getByText('Syncing as Work laptop.')).toBeVisible();
  await confirmSafetyNumber(phone, laptop);
  await expect(laptop.locator('.sync-status')).toHaveAttribute('data-state', 'synced');
}

/** A fresh server, and a phone and a laptop with passkey authenticators reaching it as localhost. */
async function phoneAndLaptop(browser: Browser) {
  const server = await startServer();
  const { context: phoneContext, page: phone } = await deviceContext(browser, 'phone');
  const { context: laptopContext, page: laptop } = await deviceContext(browser, 'laptop');
  return {
    url: localhost(server),
    phone,
    laptop,
    phoneContext,
    laptopContext,
    close: async () => {
      await phoneContext.close();
      await laptopContext.close();
      await server.stop();
    },
  };
}

function draftBody(page: Page) {
  return page.getByRole('textbox', { name: 'Weeknote in Markdown' });
}

test('a phone and a laptop stay in step through offline capture and draft edits', async ({
  browser,
}) => {
  const server = await startServer();
  const url = localhost(server);
  const { context: phoneContext, page: phone } = await deviceContext(browser, 'phone');
  const { page: laptop } = await deviceContext(browser, 'laptop');
  try {
    await signUpAndLink(phone, laptop, url);

    await phone.goto(url);
    await phoneContext.setOffline(true);
    for (const text of ['On the train #commute', 'Site visit with @Sam', 'Idea for the away day']) {
      await capture(phone, text);
    }
    await expect(phone.locator('.sync-status')).toContainText('Offline, 3 changes waiting');

    await laptop.goto(`${url}/write`);
    await laptop.getByRole('button', { name: 'Start a blank weeknote' }).click();
    await draftBody(laptop).click();
    await laptop.keyboard.press('Control+End');
    await draftBody(laptop).pressSequentially('Written on the laptop.');
    await expect(draftSaved(laptop)).toBeVisible();

    await phoneContext.setOffline(false);
    await laptop.goto(`${url}/week`);
    for (const text of ['On the train #commute', 'Site visit with @Sam', 'Idea for the away day']) {
      await expect(laptop.getByText(text)).toBeVisible({ timeout: 15_000 });
    }
    await expect(phone.locator('.sync-status')).toHaveAttribute('data-state', 'synced', {
      timeout: 15_000,
    });
    await phone.goto(`${url}/write`);
    await expect(draftBody(phone)).toHaveValue(/Written on the laptop\./, { timeout: 15_000 });
  } finally {
    await phoneContext.close();
    await server.stop();
  }
});

test('a moment captured on the phone appears on the open laptop at once, with no reload or poll', async ({
  browser,
}) => {
  const { url, phone, laptop, laptopContext, close } = await phoneAndLaptop(browser);
  try {
    await signUpAndLink(phone, laptop, url);
    // What the laptop hears on its stream and when it pulls, in order (Chromium's own record).
    const heard: string[] = [];
    const cdp = await laptopContext.newCDPSession(laptop);
    await cdp.send('Network.enable');
    cdp.on('Network.eventSourceMessageReceived', (e) => heard.push(e.eventName));
    laptop.on('request', (r) => {
      if (r.url().includes('/api/sync/pull')) heard.push('pull');
    });
    await laptop.goto(`${url}/week`);
    await expect(laptop.locator('.sync-status')).toHaveAttribute('data-state', 'synced');
    await expect.poll(() => heard.includes('ready')).toBe(true);
    await laptop.evaluate(() => document.body.setAttribute('data-not-reloaded', ''));
    heard.length = 0;

    await phone.goto(url);
    await capture(phone, 'Heard about at once #live');
    // Well before the minute-long fallback poll could be due.
    await expect(laptop.getByText('Heard about at once #live')).toBeVisible({ timeout: 15_000 });
    expect(heard.slice(0, 2)).toEqual(['changed', 'pull']);
    await expect(laptop.locator('body')).toHaveAttribute('data-not-reloaded', '');
  } finally {
    await close();
  }
});

test('the same paragraph edited on both devices offline keeps both versions', async ({
  browser,
}) => {
  const { url, phone, laptop, phoneContext, laptopContext, close } = await phoneAndLaptop(browser);
  try {
    await signUpAndLink(phone, laptop, url);
    await phone.goto(`${url}/write`);
    await phone.getByRole('button', { name: 'Start a blank weeknote' }).click();
    await draftBody(phone).fill('Intro\n\nThe shared paragraph.\n');
    await expect(phone.locator('.sync-status')).toHaveAttribute('data-state', 'synced', {
      timeout: 15_000,
    });
    await expect(phone.locator('.sync-status')).not.toContainText('waiting', { timeout: 15_000 });
    await laptop.goto(`${url}/write`);
    await expect(draftBody(laptop)).toHaveValue(/The shared paragraph\./, { timeout: 15_000 });

    await phoneContext.setOffline(true);
    await laptopContext.setOffline(true);
    await draftBody(phone).fill('Intro\n\nThe shared paragraph, as the phone has it.\n');
    await draftBody(laptop).fill('Intro\n\nThe shared paragraph, as the laptop has it.\n');
    await expect(draftSaved(phone)).toBeVisible();
    await expect(draftSaved(laptop)).toBeVisible();
    await phoneContext.setOffline(false);
    await expect(phone.locator('.sync-status')).toHaveAttribute('data-state', 'synced', {
      timeout: 15_000,
    });
    await laptopContext.setOffline(false);

    for (const page of [laptop, phone]) {
      const conflict = page.getByRole('region', { name: 'Two versions of this draft' });
      await expect(conflict).toBeVisible({ timeout: 20_000 });
      const both = `${await draftBody(page).inputValue()}\n${await conflict.getByLabel('The other version').inputValue()}`;
      expect(both).toContain('as the phone has it');
      expect(both).toContain('as the laptop has it');
    }
  } finally {
    await close();
  }
});

test('a revoked laptop is refused at its next sync and says so', async ({ browser }) => {
  const { url, phone, laptop, close } = await phoneAndLaptop(browser);
  try {
    await signUpAndLink(phone, laptop, url);
    await phone.goto(`${url}/settings`);
    await phone.getByRole('button', { name: 'Revoke Work laptop' }).click();
    await expect(phone.getByRole('button', { name: 'Revoke Work laptop' })).toHaveCount(0);

    await laptop.goto(url);
    await capture(laptop, 'Written after being revoked');
    await expect(laptop.locator('.sync-status')).toHaveAttribute('data-state', 'signed-out', {
      timeout: 15_000,
    });
    await expect(laptop.locator('.sync-status')).toContainText(
      'Signed out, sync stopped; 1 change waiting',
    );
    await laptop.goto(`${url}/settings`);
    await expect(laptop.getByText('This device was signed out.')).toBeVisible();
  } finally {
    await close();
  }
});

test('signing up before the sync code has loaded still signs the device in', async ({
  browser,
}) => {
  const server = await startServer();
  const url = localhost(server);
  // No service worker, so the route below sees every request for the sync chunk.
  const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block' });
  const page = await context.newPage();
  await (addPasskeyAuthenticator as (c: BrowserContext, p: Page) => Promise<void>)(context, page);
  await page.route(/\/assets\/sync-service-[^/]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  try {
    await page.goto(`${url}/settings`);
    await page.getByRole('button', { name: 'Create an account with a passkey' }).click();
    await expect(page.getByRole('region', { name: 'Recovery codes' })).toBeVisible();
    await expect(page.locator('.sync-status')).toHaveAttribute('data-state', 'synced', {
      timeout: 15_000,
    });
    await page.reload();
    await expect(page.getByText(/^Syncing as /)).toBeVisible();
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a whole capture, compile and sync run asks no other origin for anything', async ({
  browser,
}) => {
  const { url, phone, laptop, phoneContext, laptopContext, close } = await phoneAndLaptop(browser);
  const foreign: string[] = [];
  const blocked: string[] = [];
  for (const context of [phoneContext, laptopContext]) {
    context.on('request', (r) => {
      if (!r.url().startsWith(url) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
    });
    context.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
  }
  try {
    const first = await phone.goto(url);
    const csp = first?.headers()['content-security-policy'] ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).toBe("'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');

    await signUpAndLink(phone, laptop, url);
    await phone.goto(url);
    await capture(phone, 'Budget review with @Priya #finance');
    await capture(phone, 'Show and tell went well');
    await phone.goto(`${url}/write`);
    await phone.getByRole('button', { name: 'Compile draft' }).click();
    await draftBody(phone).click();
    await phone.keyboard.press('Control+End');
    await draftBody(phone).pressSequentially('A good week.');
    await expect(phone.locator('.sync-status')).not.toContainText('waiting', { timeout: 15_000 });
    await phone.getByRole('button', { name: 'Preview' }).click();

    await laptop.goto(`${url}/write`);
    await expect(draftBody(laptop)).toHaveValue(/A good week\./, { timeout: 15_000 });
    await laptop.goto(`${url}/week`);
    await expect(laptop.getByText('Show and tell went well')).toBeVisible();

    expect(foreign).toEqual([]);
    expect(blocked).toEqual([]);
  } finally {
    await close();
  }
});
