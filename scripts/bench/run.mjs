// npm run bench: measures capture on a phone, the app at one and ten years of data, sync, the
// server under load and Lighthouse; prints a Markdown table and writes docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromiumPath } from '../chromium.mjs';
import { firstVisitBytes } from '../lib/bundle-size.mjs';
import { benchCapture } from './capture.mjs';
import { benchLighthouse } from './lighthouse.mjs';
import { benchLiveLatency, benchLiveMemory } from './live.mjs';
import { benchLoad } from './load.mjs';
import { startServer } from './server.mjs';
import { ms } from './stats.mjs';
import { benchStorage } from './storage.mjs';
import { benchSync } from './sync.mjs';
import { benchData } from './ten-years.mjs';

const rows = [];
const row = (area, measure, result, target = '', verdict = '') => {
  rows.push({ area, measure, result, target, verdict });
  console.log(`${area} | ${measure} | ${result} | ${target} ${verdict}`);
};
const meets = (ok) => (ok ? 'met' : '**missed**');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const started = Date.now();
const localhost = (s) => s.url.replace('127.0.0.1', 'localhost');
// `node scripts/bench/run.mjs load ten-years`: only the sections named (capture, first-visit,
// data or ten-years, live, compile, load, storage, lighthouse); docs/benchmarks.md is left alone.
const only = process.argv.slice(2);
const want = (...sections) => only.length === 0 || sections.some((s) => only.includes(s));

// Capture on a phone.
if (want('capture')) {
  const server = await startServer();
  const c = await benchCapture({ url: localhost(server) });
  const o = c.opening;
  const phone = 'Capture (Pixel 7, 4× CPU throttle)';
  row(phone, 'New tab per opening: capture box focused', ms(o.focused));
  row('', 'Same for a bare textarea page (same origin and service worker)', ms(o.bareFocused));
  const focusRatio = o.focused.median / o.bareFocused.median;
  row(
    '',
    'Ratio, app ÷ bare page',
    `${focusRatio.toFixed(2)}×`,
    '≤ 1.25×',
    meets(focusRatio <= 1.25),
  );
  row('', 'New tab per opening: first keystroke processed (input event)', ms(o.input));
  row('', 'Same for the bare page', ms(o.bareInput));
  const inputRatio = o.input.median / o.bareInput.median;
  row(
    '',
    'Ratio, app ÷ bare page',
    `${inputRatio.toFixed(2)}×`,
    '≤ 1.25×',
    meets(inputRatio <= 1.25),
  );
  row(
    '',
    'JavaScript loaded by the first keystroke (gzip, median)',
    `${kb(o.jsGzip.median)} in ${o.jsFiles.median} files`,
    '≤ 25 KB',
    meets(o.jsGzip.median <= 25 * 1024),
  );
  const readyRatio = c.ready.median / c.bareReady.median;
  row('', 'Same tab navigated again (not how a phone opens it): focused box', ms(c.ready));
  row('', 'Same for a bare page with only a textarea', ms(c.bareReady));
  row('', 'Ratio, app ÷ bare page (same tab)', `${readyRatio.toFixed(2)}×`);
  row(
    '',
    'Enter to moment committed in IndexedDB, p50 / p95',
    `${c.commit.median.toFixed(1)} / ${c.commit.p95.toFixed(1)} ms`,
  );
  row(
    '',
    'Raw IndexedDB put in the same page, p50 / p95',
    `${c.rawPut.median.toFixed(1)} / ${c.rawPut.p95.toFixed(1)} ms`,
  );
  const commitRatio = c.commit.median / c.rawPut.median;
  row(
    '',
    'Ratio at p50, app ÷ raw put',
    `${commitRatio.toFixed(2)}×`,
    '≤ 2×',
    meets(commitRatio <= 2),
  );
  await server.stop();
}

// What a first visit downloads.
if (want('first-visit')) {
  const v = firstVisitBytes();
  row(
    'First visit (page, service worker, precache)',
    `Bytes sent, ${v.files} files: plain / Brotli (as served)`,
    `${kb(v.plain)} / ${kb(v.brotli)}`,
  );
}

// One and ten years of data, then sync of the same data.
for (const weeks of [52, 520].filter((w) => want('data', w === 520 ? 'ten-years' : 'one-year'))) {
  const server = await startServer();
  const url = localhost(server);
  const d = await benchData({ url }, weeks, { keepOpen: true });
  const r = d.results;
  const label = `${weeks === 52 ? 'One year' : 'Ten years'}: ${r.moments.toLocaleString('en-GB')} moments, ${r.drafts} drafts`;
  row(
    label,
    'Open the app and show this week',
    ms(r.openWeek),
    weeks === 520 ? '≤ 100 ms' : '',
    weeks === 520 ? meets(r.openWeek.median <= 100) : '',
  );
  row('', '… and every moment of the week drawn', ms(r.openWeekAll));
  row(
    '',
    'Switch to a week five years ago (or the oldest)',
    ms(r.jumpWeek),
    '≤ 100 ms',
    meets(r.jumpWeek.median <= 100),
  );
  row('', 'Search for a word', ms(r.searchWord), '≤ 50 ms', meets(r.searchWord.median <= 50));
  row('', 'Search for a person', ms(r.searchPerson), '≤ 50 ms', meets(r.searchPerson.median <= 50));
  row('', 'JS heap after showing the week', `${r.heapMB.toFixed(1)} MB`);
  const s = await benchSync(d.context, d.page, url);
  row(
    '',
    'Upload everything on sign-up (phone)',
    `${(s.upload / 1000).toFixed(1)} s`,
    weeks === 520 ? '≤ 10 s' : '',
    weeks === 520 ? meets(s.upload <= 10_000) : '',
  );
  row(
    '',
    `First sync of a new device (${s.pulledMoments.toLocaleString('en-GB')} moments)`,
    `${(s.firstSync / 1000).toFixed(1)} s`,
    '≤ 5 s',
    meets(s.firstSync <= 5000),
  );
  row('', 'One moment, phone to laptop', ms(s.roundTrip), '', '(heard on its live stream)');
  await d.browser.close();
  await server.stop();
}

// Live sync: one moment from a phone to an open laptop, and what idle streams cost the server.
for (const engine of want('live') ? ['SQLite', 'PostgreSQL'] : []) {
  const databaseUrl = engine === 'PostgreSQL' ? process.env.TEST_DATABASE_URL : undefined;
  if (engine === 'PostgreSQL' && !databaseUrl) {
    row('Live sync', 'PostgreSQL', 'not run: no PostgreSQL (npm run bench starts one)');
    continue;
  }
  const l = await benchLiveLatency({ databaseUrl });
  const where = databaseUrl ? 'PostgreSQL, phone and laptop on two processes' : 'SQLite';
  row(
    `Live sync (${where})`,
    'One moment, phone pushes → shown on the open laptop, p50 / p95',
    `${l.fromPush.median} / ${l.fromPush.p95} ms (n=${l.fromPush.n})`,
    'p95 ≤ 1 s',
    meets(l.fromPush.p95 <= 1000),
  );
  row(
    '',
    'Same from Enter on the phone (which waits 2 s after a write), p50 / p95',
    `${l.fromEnter.median} / ${l.fromEnter.p95} ms`,
  );
  const m = await benchLiveMemory({ databaseUrl });
  row(
    '',
    `Server memory per idle stream (${m.count.toLocaleString('en-GB')} open, 50 accounts)`,
    `RSS ${kb(m.rssPerStream)} / JS heap ${kb(m.heapPerStream)}`,
  );
}

// Compile, through Vitest's benchmark runner.
if (want('compile')) {
  execFileSync(
    'npx',
    [
      'vitest',
      'bench',
      '--run',
      'src/compose/compile.bench.ts',
      '--outputJson',
      '/tmp/weeknotes-compile.json',
    ],
    {
      stdio: 'ignore',
    },
  );
  const report = JSON.parse(readFileSync('/tmp/weeknotes-compile.json', 'utf8'));
  for (const b of report.files[0].groups[0].benchmarks) {
    row(
      'Compile (Node, pure function)',
      `Compile ${b.name}`,
      `${b.median.toFixed(2)} ms (min ${b.min.toFixed(2)}, max ${b.max.toFixed(2)})`,
      '≤ 5 ms',
      meets(b.median <= 5),
    );
  }
}

// The server under load.
for (const engine of want('load') ? ['SQLite', 'PostgreSQL'] : []) {
  const databaseUrl = engine === 'PostgreSQL' ? process.env.TEST_DATABASE_URL : undefined;
  if (engine === 'PostgreSQL' && !databaseUrl) {
    row('Server load', 'PostgreSQL', 'not run: no PostgreSQL (npm run bench starts one)');
    continue;
  }
  const server = await startServer({ databaseUrl });
  const l = await benchLoad(server, { databaseUrl });
  const p99 = engine === 'SQLite' ? 50 : 100;
  const target = `≥ 2,000/s, p99 ≤ ${p99} ms`;
  const verdict = meets(l.pushesPerSecond >= 2000 && l.p99 <= p99);
  row(
    `Server load (${engine}, 100 clients, autocannon)`,
    'Pushes per second; p50 / p99 latency',
    `${Math.round(l.pushesPerSecond).toLocaleString('en-GB')}/s; ${l.p50} / ${l.p99} ms; ${l.errors} errors`,
    target,
    verdict,
  );
  await server.stop();
}

// What the server stores while a writer types a weeknote.
if (want('storage')) {
  const s = await benchStorage();
  row(
    'Server storage (SQLite, 1,000 draft autosaves)',
    'Bytes on disk: records / mutation ids kept for replay',
    `${kb(s.records)} / ${kb(s.mutations)} (payloads pushed: ${kb(s.payloadBytes)})`,
  );
  row('', 'Mutation ids once the 30-day replay window has passed', kb(s.afterWindow ?? 0));
}

// Lighthouse.
if (want('lighthouse')) {
  const server = await startServer();
  const lh = await benchLighthouse(`${localhost(server)}/`);
  for (const [name, score] of [
    ['Performance', lh.performance],
    ['Accessibility', lh.accessibility],
    ['Best practices', lh.bestPractices],
  ]) {
    row('Lighthouse (mobile)', name, String(score), '100', meets(score === 100));
  }
  if (lh.failing.length) row('', 'Audits not passed', lh.failing.join(', '));
  await server.stop();
}

const chromium = execFileSync(chromiumPath(), ['--version'], {
  stdio: ['ignore', 'pipe', 'ignore'],
})
  .toString()
  .trim();
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${chromium}; ${new Date().toISOString().slice(0, 10)}; took ${Math.round((Date.now() - started) / 1000)} s`;
const table = [
  '| Area | Measure | Result (median, min, max) | Target | |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.area} | ${r.measure} | ${r.result} | ${r.target} | ${r.verdict} |`),
].join('\n');
console.log(`\n${machine}\n\n${table}`);

if (only.length === 0) {
  const doc = readFileSync('docs/benchmarks.md', 'utf8');
  const marker = '<!-- results -->';
  const before = doc.split(marker)[0];
  writeFileSync('docs/benchmarks.md', `${before}${marker}\n\nMachine: ${machine}\n\n${table}\n`);
}
