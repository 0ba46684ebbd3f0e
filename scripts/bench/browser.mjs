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

/**
 * Resolves when the page says `text` on its console. The benches hear the page's own marks this
 * way: Playwright's waitForFunction would run its helper script in the page while it loads.
 */
export function heard(page, text) {
  return new Promise((ok) => {
    const hear = (message) => {
      if (message.text() !== text) return;
      page.off('console', hear);
      ok();
    };
    page.on('console', hear);
  });
}
