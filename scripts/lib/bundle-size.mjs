// Sizes of the built app that matter to a writer: the JavaScript loaded before the capture
// screen is ready (the entry and its static imports, not the lazy routes), and the precache.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The entry script and every module it imports statically, with their gzip sizes. */
export function captureScripts(dist = 'dist') {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('No build found: run npm run build first.');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('No module script in dist/index.html');
  const seen = new Map();
  const visit = (url) => {
    if (seen.has(url)) return;
    const code = readFileSync(join(dist, url));
    seen.set(url, gzipSync(code, { level: 9 }).length);
    for (const m of code.toString().matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      visit(`/assets/${m[1]}`);
    }
  };
  visit(entry);
  return [...seen.entries()].map(([url, gzip]) => ({ url, gzip }));
}

/** Every file the service worker precaches, with its size in bytes. */
export function precacheFiles(dist = 'dist') {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
  return urls.map((url) => ({ url, bytes: statSync(join(dist, url)).size }));
}

/**
 * What a first visit downloads: the page, the service worker and everything it precaches (each
 * once), in bytes as stored and as sent to a browser that accepts Brotli (the .br copy where
 * the build wrote one).
 */
export function firstVisitBytes(dist = 'dist') {
  const urls = new Set(['index.html', 'sw.js', ...precacheFiles(dist).map((f) => f.url)]);
  let plain = 0;
  let brotli = 0;
  for (const url of urls) {
    const path = join(dist, url);
    const size = statSync(path).size;
    plain += size;
    brotli += existsSync(`${path}.br`) ? statSync(`${path}.br`).size : size;
  }
  return { files: urls.size, plain, brotli };
}
