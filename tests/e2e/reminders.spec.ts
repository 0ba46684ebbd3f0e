import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getISOWeek, startOfISOWeek } from 'date-fns';
import type { BrowserContext, Page } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with the benchmarks
import { addPasskeyAuthenticator } from '../../scripts/chromium.mjs';
import { capture, expect, test, todaysMoments, waitForServiceWorker } from './fixtures';
import type { RunningServer } from './server';
import AxeBuilder from '@axe-core/playwright';

test.describe.configure({ timeout: 60_000 });

const card = (page: Page) => page.getByRole('region', { name: 'Remind me to write' });

/** Today in London (the browser's zone), as the service worker sees it. */
function thisWeek(): { isoWeek: number; weekStart: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const noon = new Date(`${today}T12:00:00`);
  const start = startOfISOWeek(noon);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    isoWeek: getISOWeek(noon),
    weekStart: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
  };
}

/** Sends a push to the app's service worker, as a push service would, through CDP. */
async function deliverPush(context: BrowserContext, page: Page, data: object): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => registrations.filter((r) => !r.isDeleted).length).toBeGreaterThan(0);
  const registration = registrations.find((r) => !r.isDeleted);
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: new URL(page.url()).origin,
    registrationId: registration?.registrationId ?? '',
    data: JSON.stringify(data),
  });
}

/** Creates an account with a passkey on the settings screen (passkeys need localhost, not an IP). */
async function signUp(page: Page, context: BrowserContext, server: RunningServer): Promise<void> {
  await (addPasskeyAuthenticator as (c: BrowserContext, p: Page) => Promise<void>)(context, page);
  await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}/settings`);
  await waitForServiceWorker(page);
  await page.getByRole('button', { name: 'Create an account with a passkey' }).click();
  await page.getByRole('button', { name: 'I have saved them' }).click();
}

interface Shown {
  title: string;
  body: string;
  tag: string;
  silent: boolean | null;
  data: unknown;
}

/** The notifications the service worker is showing. */
function shownNotifications(page: Page): Promise<Shown[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      silent: n.silent,
      data: n.data as unknown,
    }));
  });
}

test('a writer with no account is told reminders need one, with a way to sign in', async ({
  page,
}) => {
  await page.goto('/settings');
  await expect(card(page)).toContainText('Reminders are sent by the Weeknotes server');
  await expect(card(page).getByRole('checkbox')).toHaveCount(0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await card(page).screenshot({ path: test.info().outputPath(`no-account-${scheme}.png`) });
  }
  const link = card(page).getByRole('link', { name: 'Sign in or create an account under Sync' });
  await link.click();
  await expect(
    page.getByRole('button', { name: 'Create an account with a passkey' }),
  ).toBeInViewport();
});

test('a reminder push shows the week’s counts, counted on the device', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications']);
  await page.goto('/');
  await waitForServiceWorker(page);
  for (const text of ['Met Priya about the service centre', 'Budget paper #finance', 'Site visit'])
    await capture(page, text);
  for (const [text, flag] of [
    ['Finish the procurement paper', 'Next week'],
    ['Sam is off sick', 'Private'],
  ] as const) {
    await page.getByRole('textbox', { name: 'What happened?' }).fill(text);
    await page.getByRole('checkbox', { name: flag }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'What happened?' })).toHaveValue('');
  }
  const { isoWeek, weekStart } = thisWeek();

  await deliverPush(context, page, {
    type: 'reminder',
    reminder: 'weekly',
    due: new Date().toISOString(),
  });
  await expect
    .poll(() => shownNotifications(page))
    .toEqual([
      {
        title: `Week ${isoWeek}: 4 moments, 1 next-week item`,
        body: 'Write your weeknote?',
        tag: 'weeknotes-reminder',
        silent: false,
        data: { url: `/write/${weekStart}` },
      },
    ]);

  // A nudge replaces it: aloud when fewer were captured than the writer asked for…
  const due = new Date().toISOString();
  await deliverPush(context, page, { type: 'reminder', reminder: 'nudge', due, fewerThan: 5 });
  await expect
    .poll(async () => (await shownNotifications(page)).map((n) => [n.title, n.silent]))
    .toEqual([[`Week ${isoWeek}: 4 moments so far`, false]]);
  // …and silently when there are enough.
  await deliverPush(context, page, { type: 'reminder', reminder: 'nudge', due, fewerThan: 4 });
  await expect
    .poll(async () => (await shownNotifications(page)).map((n) => [n.body, n.silent]))
    .toEqual([['Enough for a weeknote already. Keep going.', true]]);
});

/** A push subscription as a browser makes one. Headless Chromium has no push service to ask. */
function fakeSubscription() {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    endpoint: `https://push.example.test/send/${randomBytes(8).toString('hex')}`,
    p256dh: publicKey.export({ format: 'der', type: 'spki' }).subarray(-65).toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

test('turning reminders on subscribes this device and tells the server; off undoes both', async ({
  page,
  context,
  server,
}) => {
  const sub = fakeSubscription();
  await context.grantPermissions(['notifications']);
  await page.addInitScript((s) => {
    let current: object | null = null;
    const subscription = {
      endpoint: s.endpoint,
      expirationTime: null,
      toJSON: () => ({
        endpoint: s.endpoint,
        expirationTime: null,
        keys: { p256dh: s.p256dh, auth: s.auth },
      }),
      unsubscribe: () => {
        current = null;
        return Promise.resolve(true);
      },
    };
    PushManager.prototype.subscribe = function () {
      current = subscription;
      return Promise.resolve(subscription as unknown as PushSubscription);
    };
    PushManager.prototype.getSubscription = () =>
      Promise.resolve(current as unknown as PushSubscription | null);
  }, sub);
  await signUp(page, context, server);

  const toggle = card(page).getByRole('checkbox', {
    name: 'Send me a reminder with the week’s moments',
  });
  await expect(toggle).not.toBeChecked();
  await card(page).getByLabel('Day', { exact: true }).selectOption({ label: 'Thursday' });
  await card(page).getByLabel('Time', { exact: true }).fill('16:30');
  // The box shows what the server holds, so it ticks once the server has answered.
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(card(page).getByRole('status')).toContainText(
    /Next reminder: Thursday \d+ \w+ at 16:30/,
  );

  const reminders = () =>
    page.evaluate(async () => (await fetch('/api/reminders')).json() as Promise<unknown>);
  expect(await reminders()).toMatchObject({
    enabled: true,
    weekday: 4,
    time: '16:30',
    timeZone: 'Europe/London',
    nudge: null,
  });

  const nudge = card(page).getByRole('checkbox', {
    name: 'Also nudge me mid-week',
  });
  await nudge.click();
  await expect(nudge).toBeChecked();
  await card(page).getByLabel('Moments', { exact: true }).fill('4');
  await card(page).getByLabel('Moments', { exact: true }).blur();
  await expect(card(page).getByRole('status')).toContainText(/next nudge: Wednesday/);
  await expect
    .poll(reminders)
    .toMatchObject({ nudge: { weekday: 3, time: '12:00', fewerThan: 4 } });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).include('#reminders').analyze();
    expect(axe.violations).toEqual([]);
    // The whole page, clipped to the card: in the viewport the tab bar would cover its end.
    const box = await card(page).boundingBox();
    const top = await page.evaluate(() => window.scrollY);
    if (box)
      await page.screenshot({
        path: test.info().outputPath(`reminders-${scheme}.png`),
        fullPage: true,
        clip: { ...box, y: box.y + top },
      });
  }

  const db = new Database(join(server.dataDir, 'data', 'weeknotes.sqlite'), { readonly: true });
  const endpoints = () =>
    (db.prepare('select endpoint from push_subscriptions').all() as { endpoint: string }[]).map(
      (r) => r.endpoint,
    );
  try {
    expect(endpoints()).toContain(sub.endpoint);

    await toggle.click();
    await expect(toggle).not.toBeChecked();
    await expect.poll(reminders).toMatchObject({ enabled: false });
    expect(endpoints()).not.toContain(sub.endpoint);
  } finally {
    db.close();
  }
});

test('a writer who does not allow notifications is told why reminders stay off', async ({
  page,
  context,
  server,
}) => {
  await signUp(page, context, server);
  const toggle = card(page).getByRole('checkbox', {
    name: 'Send me a reminder with the week’s moments',
  });
  await toggle.click();
  await expect(card(page).getByRole('alert')).toContainText(
    /Notifications are blocked for Weeknotes|needs your permission to show notifications/,
  );
  await expect(toggle).not.toBeChecked();
  const state = await page.evaluate(
    async () => (await fetch('/api/reminders')).json() as Promise<unknown>,
  );
  expect(state).toMatchObject({ enabled: false });
});

test('the app badge shows this week’s public moments as they change', async ({ page }) => {
  await page.addInitScript(() => {
    const shown: number[] = [];
    (window as unknown as { badges: number[] }).badges = shown;
    Object.defineProperty(Navigator.prototype, 'setAppBadge', {
      configurable: true,
      value: (count: number) => {
        shown.push(count);
        return Promise.resolve();
      },
    });
  });
  const lastBadge = () =>
    page.evaluate(() => (window as unknown as { badges: number[] }).badges.at(-1) ?? null);
  await page.goto('/');
  await capture(page, 'First thing');
  await capture(page, 'Second thing');
  await page.getByRole('textbox', { name: 'What happened?' }).fill('A private matter');
  await page.getByRole('checkbox', { name: 'Private' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(lastBadge).toBe(2);
  await todaysMoments(page)
    .filter({ hasText: 'First thing' })
    .getByRole('button', { name: /^More actions for moment from/ })
    .click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect.poll(lastBadge).toBe(1);
});
