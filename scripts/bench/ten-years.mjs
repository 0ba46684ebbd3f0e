// The app at one and at ten years of data: open this week, jump five years back, search, memory.
import { heard, launch, phone } from './browser.mjs';
import { generate } from './generate.mjs';
import { summarise } from './stats.mjs';

const RUNS = 7;

async function load(page, data) {
  await page.evaluate(async ({ moments, drafts }) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('weeknotes');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    for (let i = 0; i < moments.length; i += 2000) {
      await new Promise((ok, fail) => {
        const tx = db.transaction(['moments', 'drafts'], 'readwrite');
        for (const m of moments.slice(i, i + 2000)) tx.objectStore('moments').put(m);
        if (i === 0) for (const d of drafts) tx.objectStore('drafts').put(d);
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
    }
    db.close();
  }, data);
}

// In the page, on /week: when this week's heading and its days (or "no moments") are shown, by a
// requestAnimationFrame poll, said on the console; then when the last of its moments was drawn
// (the week draws its first screen first), once no more have come for ten frames.
const WEEK_PROBE = () => {
  if (location.pathname !== '/week') return;
  let drawn = 0;
  let still = 0;
  const poll = () => {
    const shown =
      document.querySelector('h1')?.textContent?.startsWith('Week beginning') &&
      (document.querySelector('.day') || document.querySelector('.empty'));
    if (!shown) return requestAnimationFrame(poll);
    if (window.__weekShown === undefined) {
      window.__weekShown = performance.now();
      console.debug('week:shown');
    }
    const now = document.querySelectorAll('.day li.moment').length;
    if (now > drawn || window.__weekAll === undefined) {
      drawn = Math.max(drawn, now);
      window.__weekAll = performance.now();
      still = 0;
    } else still++;
    if (still < 10) requestAnimationFrame(poll);
    else console.debug('week:all');
  };
  requestAnimationFrame(poll);
};

export async function benchData(server, weeks, { keepOpen = false } = {}) {
  const browser = await launch();
  const context = await phone(browser);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => document.activeElement?.id === 'capture-text');
  await page.waitForTimeout(500);
  const data = generate(weeks);
  await load(page, data);

  await context.addInitScript(WEEK_PROBE);
  const open = [];
  const openAll = [];
  for (let i = 0; i < RUNS; i++) {
    const shown = heard(page, 'week:shown');
    const all = heard(page, 'week:all');
    await page.goto(`${server.url}/week`, { waitUntil: 'commit' });
    await Promise.all([shown, all]);
    open.push(await page.evaluate(() => window.__weekShown));
    openAll.push(await page.evaluate(() => window.__weekAll));
  }

  const jump = [];
  const back = Math.min(weeks - 1, 260);
  for (let i = 0; i < RUNS; i++) {
    const target = new Date(
      Date.parse(`${data.mondayOfThisWeek}T12:00:00Z`) - (back - i) * 7 * 86400000,
    );
    const start = target.toISOString().slice(0, 10);
    jump.push(
      await page.evaluate(async (weekStart) => {
        const link = document.createElement('a');
        link.href = `/week/${weekStart}`;
        document.body.append(link);
        const t0 = performance.now();
        link.click();
        link.remove();
        for (;;) {
          await new Promise(requestAnimationFrame);
          const day = document.querySelector('.day h2');
          if (location.pathname.endsWith(weekStart) && day) return performance.now() - t0;
        }
      }, start),
    );
  }

  async function search(query) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      times.push(
        await page.evaluate(async (q) => {
          const box = document.getElementById('search-text');
          box.value = '';
          box.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => setTimeout(r, 50));
          const t0 = performance.now();
          box.value = q;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          for (;;) {
            await new Promise(requestAnimationFrame);
            const status = document.querySelector('[aria-label="Search results"] [role="status"]');
            if (status && /found|match/.test(status.textContent ?? ''))
              return performance.now() - t0;
          }
        }, query),
      );
    }
    return summarise(times);
  }
  const word = await search('dashboard');
  const person = await search('priya');

  const settled = heard(page, 'week:shown');
  await page.goto(`${server.url}/week`);
  await settled;
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  if (keepOpen) return { browser, context, page, data, results: results() };
  await browser.close();
  return results();

  function results() {
    return {
      moments: data.moments.length,
      drafts: data.drafts.length,
      openWeek: summarise(open),
      openWeekAll: summarise(openAll),
      jumpWeek: summarise(jump),
      searchWord: word,
      searchPerson: person,
      heapMB: heap / 1e6,
    };
  }
}
