// Sync at ten years of data: uploading everything on sign-up, the first sync of a new device,
// and one moment's round trip from a phone to a laptop.
import { addPasskeyAuthenticator } from '../chromium.mjs';
import { launch } from './browser.mjs';
import { summarise } from './stats.mjs';

const synced = () => {
  const s = document.querySelector('.sync-status');
  return (
    s?.getAttribute('data-state') === 'synced' &&
    !/waiting/.test(s.textContent ?? '') &&
    performance.now()
  );
};

/** `phonePage` already holds the data set; `url` must be a localhost URL (passkeys need a domain). */
export async function benchSync(phoneContext, phonePage, url) {
  await addPasskeyAuthenticator(phoneContext, phonePage);
  await phonePage.goto(`${url}/settings`);
  const t0 = Date.now();
  await phonePage.getByRole('button', { name: 'Create an account with a passkey' }).click();
  await phonePage.waitForFunction(synced, null, { timeout: 600_000, polling: 200 });
  const upload = Date.now() - t0;
  await phonePage.getByRole('button', { name: 'I have saved them' }).click();
  await phonePage.getByRole('button', { name: 'Show a code to link another device' }).click();
  const code = await phonePage.locator('.link-code').textContent();

  const browser = await launch();
  const laptopContext = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const laptop = await laptopContext.newPage();
  await laptop.goto(`${url}/settings`);
  await laptop.getByLabel('Code from your other device').fill(code ?? '');
  await laptop.getByRole('button', { name: 'Join with code' }).click();
  // The key hand-over (ADR 0015): the writer sees the same number on both and confirms on the
  // phone. The first sync is timed from that confirmation: before it the laptop holds no key.
  const match = phonePage.getByRole('button', { name: 'The numbers match' });
  await match.waitFor({ timeout: 60_000 });
  const t1 = Date.now();
  await match.click();
  await laptop.waitForFunction(synced, null, { timeout: 600_000, polling: 100 });
  const firstSync = Date.now() - t1;
  const count = await laptop.evaluate(
    () =>
      new Promise((ok) => {
        const r = indexedDB.open('weeknotes');
        r.onsuccess = () => {
          const q = r.result.transaction('moments').objectStore('moments').count();
          q.onsuccess = () => ok(q.result);
        };
      }),
  );

  await laptop.goto(url);
  await phonePage.goto(url);
  const trips = [];
  for (let i = 0; i < 5; i++) {
    const text = `Round trip ${i} ${Date.now()}`;
    await phonePage.locator('#capture-text').fill(text);
    const start = Date.now();
    await phonePage.locator('#capture-text').press('Enter');
    await laptop.getByText(text).waitFor({ timeout: 60_000 });
    trips.push(Date.now() - start);
  }
  await browser.close();
  return { upload, firstSync, pulledMoments: count, roundTrip: summarise(trips) };
}
