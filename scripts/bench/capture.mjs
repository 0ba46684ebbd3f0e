// Capture on a phone: opening in a new tab (capture-open.mjs) and in the same tab, against a bare
// textarea page; Enter to
// committed-in-IndexedDB (against a raw IndexedDB put), and the capture JavaScript's size.
import { launch, phone, serviceWorkerReady, throttle } from './browser.mjs';
import { benchOpening } from './capture-open.mjs';
import { summarise } from './stats.mjs';

const RUNS = 9;

async function readyTime(page, url, selector) {
  await page.goto(url, { waitUntil: 'commit' });
  return page
    .waitForFunction((sel) => document.activeElement?.matches(sel) && performance.now(), selector, {
      polling: 'raf',
    })
    .then((h) => h.jsonValue());
}

export async function benchCapture(server) {
  const browser = await launch();
  const context = await phone(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await serviceWorkerReady(page);
  await page.reload();
  await serviceWorkerReady(page);
  const opening = await benchOpening(context, server);
  await throttle(context, page, 4);

  // The same page navigated again and again: what a phone opening an installed app never does,
  // kept so the difference stays visible.
  const app = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await readyTime(page, `${server.url}/`, '#capture-text'));
    bare.push(await readyTime(page, `${server.url}/bare.html`, '#t'));
  }

  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => document.activeElement?.id === 'capture-text');
  // The reference: one raw IndexedDB put in its own transaction, in the same page.
  await page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('bench-raw', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('s', { keyPath: 'id' });
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    window.__rawPut = (i) => {
      const start = performance.now();
      return new Promise((ok, fail) => {
        const tx = db.transaction('s', 'readwrite');
        tx.objectStore('s').put({
          id: crypto.randomUUID(),
          text: `Raw put ${i}`,
          at: new Date().toISOString(),
        });
        tx.oncomplete = () => ok(performance.now() - start);
        tx.onerror = () => fail(tx.error);
      });
    };
  });
  const idle = () =>
    page.evaluate(() => new Promise((ok) => requestIdleCallback(ok, { timeout: 2000 })));
  const commit = [];
  const raw = [];
  // Each Enter and each raw put runs on an idle page, taking turns, so that both meet the same
  // state of the page and of IndexedDB (a put straight after another is quicker than one alone).
  for (let i = 0; i < 30; i++) {
    await page.locator('#capture-text').fill(`Benchmark moment ${i} with #bench and @Someone`);
    await idle();
    const took = await page.evaluate(
      () =>
        new Promise((ok) => {
          performance.clearMarks('weeknotes:moment-saved');
          const box = document.getElementById('capture-text');
          const start = performance.now();
          new PerformanceObserver((list, obs) => {
            const mark = list.getEntriesByName('weeknotes:moment-saved')[0];
            if (mark) {
              obs.disconnect();
              ok(mark.startTime - start);
            }
          }).observe({ entryTypes: ['mark'] });
          box.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
          );
        }),
    );
    commit.push(took);
    // Let the list show the moment and the page settle before the raw put.
    await page.getByText(`Benchmark moment ${i} with`).first().waitFor();
    await idle();
    raw.push(await page.evaluate((n) => window.__rawPut(n), i));
  }
  await browser.close();

  return {
    opening,
    ready: summarise(app),
    bareReady: summarise(bare),
    commit: summarise(commit),
    rawPut: summarise(raw),
  };
}
