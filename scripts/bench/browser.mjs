import { chromium, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.mjs';

/** Debian's Chromium, launched as the tests launch it. */
export function launch() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** A Pixel-class phone context. */
export function phone(browser, extra = {}) {
  return browser.newContext({
    ...devices['Pixel 7'],
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    ...extra,
  });
}

/** Slows the page's CPU the way a mid-range phone is slower than this machine. */
export async function throttle(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** Waits for the service worker to control the page. */
export async function serviceWorkerReady(page) {
  await page.waitForFunction(async () => {
    const r = await navigator.serviceWorker.ready;
    return r.active !== null && navigator.serviceWorker.controller !== null;
  });
}
