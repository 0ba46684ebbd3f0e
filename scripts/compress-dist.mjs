// Writes Brotli (.br) and gzip (.gz) copies beside each text file of the built app, so the
// server sends them precompressed (@fastify/static's preCompressed) at no cost per request.
//   node scripts/compress-dist.mjs [dist]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Kinds of file worth compressing (images and fonts are compressed already; maps are for tools). */
export const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.webmanifest',
  '.txt',
  '.ico',
]);
/** Smaller files gain too little to be worth a second request path. */
const MIN_BYTES = 512;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses every compressible file in `dist`; returns what was written, with sizes. */
export function compressDist(dist = 'dist') {
  const written = [];
  for (const path of files(resolve(dist))) {
    if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    // Only where it saves something: otherwise the plain file is served.
    if (br.length < raw.length * 0.9) writeFileSync(`${path}.br`, br);
    if (gz.length < raw.length * 0.9) writeFileSync(`${path}.gz`, gz);
    written.push({ path, bytes: raw.length, br: br.length, gzip: gz.length });
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const written = compressDist(process.argv[2] ?? 'dist');
  const sum = (key) => written.reduce((total, f) => total + f[key], 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `Compressed ${written.length} files: ${kb(sum('bytes'))} → ${kb(sum('br'))} Brotli, ${kb(sum('gzip'))} gzip`,
  );
}
