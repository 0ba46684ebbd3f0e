// Opening the installed app as a phone does: a new tab for every opening, the service worker
// installed and warm, measured in the page. The reference is a bare page with one autofocused
// textarea on the same origin, under the same service worker, opened the same way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { heard, throttle } from './browser.mjs';
import { summarise } from './stats.mjs';

const RUNS = 15;

// In every page: when a textarea first has focus (a requestAnimationFrame poll) and when the
// first `input` event arrives. Each is also said on the console, which is how the harness hears
// of it: Playwright's own waiting (waitForFunction) evaluates its ~40 ms (at 4×) helper script in
// the page as soon as it can, which landed in the middle of the app's parsing but after a bare
// page's focus, so the harness itself was part of what it measured.
const PROBE = () => {
  const marks = {};
  window.__opening = marks;
  const poll = () => {
    if (document.activeElement?.tagName === 'TEXTAREA') {
      marks.focused = performance.now();
      console.debug('opening:focused');
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  document.addEventListener(
    'input',
    () => {
      if (marks.input !== undefined) return;
      marks.input = performance.now();
      console.debug('opening:input');
    },
    { capture: true },
  );
};

/** Gzip size of a built file, by its URL path. */
function gzipOf(dist, path) {
  return gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
}

async function openOnce(context, url, dist) {
  const page = await context.newPage();
  await throttle(context, page, 4);
  const focused = heard(page, 'opening:focused');
  const typed = heard(page, 'opening:input');
  await page.goto(url, { waitUntil: 'commit' });
  await focused;
  await page.keyboard.press('w');
  await typed;
  const marks = await page.evaluate(() => window.__opening);
  const scripts = await page.evaluate(
    (before) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= before && new URL(e.name).pathname.endsWith('.js'))
        .map((e) => new URL(e.name).pathname),
    marks.input,
  );
  await page.close();
  const jsGzip = scripts.reduce((sum, path) => sum + gzipOf(dist, path), 0);
  return {
    focused: marks.focused,
    input: marks.input,
    scripts: scripts.length,
    jsGzip,
    paths: scripts,
  };
}

/**
 * Medians of opening the app and the bare page in new tabs, alternating. `context` must already
 * have the service worker installed and controlling the origin.
 */
export async function benchOpening(context, server, dist = 'dist') {
  await context.addInitScript(PROBE);
  const app = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await openOnce(context, `${server.url}/`, dist));
    bare.push(await openOnce(context, `${server.url}/bare.html`, dist));
  }
  const pick = (runs, key) => summarise(runs.map((r) => r[key]));
  return {
    focused: pick(app, 'focused'),
    bareFocused: pick(bare, 'focused'),
    input: pick(app, 'input'),
    bareInput: pick(bare, 'input'),
    jsGzip: pick(app, 'jsGzip'),
    jsFiles: pick(app, 'scripts'),
    // What the last opening loaded before its first keystroke, to see what is in the way.
    jsPaths: app.at(-1).paths,
  };
}
