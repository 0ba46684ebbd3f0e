import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script
import { compressDist } from '../scripts/compress-dist.mjs';
import { buildServer } from './app.js';
import { chooseEncoding, COMPRESS_MIN_BYTES } from './compression.js';
import { testAccount, testMutation } from './test-support.js';

describe('chooseEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=1', 'gzip'],
    ['br;q=1, gzip;q=0.5', 'br'],
    ['*', 'br'],
    ['*;q=0', null],
    ['deflate', null],
  ])('%j gives %j', (header, encoding) => {
    expect(chooseEncoding(header)).toBe(encoding);
  });
});

describe('compressed answers', () => {
  let app: FastifyInstance;
  let dir: string;
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
  const page = `<!doctype html><title>Weeknotes</title>${'<p>The app shell.</p>'.repeat(60)}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'weeknotes-server-'));
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), page);
    writeFileSync(join(dist, 'shell.html'), page);
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), script);
    writeFileSync(join(dist, 'assets', 'tiny-AbC123.js'), 'export {};\n');
    (compressDist as (dist: string) => unknown)(dist);
    app = await buildServer({ staticDir: dist, dataDir: join(dir, 'data'), logLevel: 'silent' });
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes .br and .gz copies beside compressible files the build made, not tiny ones', () => {
    const assets = join(dir, 'dist', 'assets');
    expect(brotliDecompressSync(readFileSync(join(assets, 'index-AbC123.js.br'))).toString()).toBe(
      script,
    );
    expect(gunzipSync(readFileSync(join(assets, 'index-AbC123.js.gz'))).toString()).toBe(script);
    expect(() => readFileSync(join(assets, 'tiny-AbC123.js.br'))).toThrow();
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('sends an asset as %s when asked, with Vary', async (encoding, decode) => {
    const res = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': encoding },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBeLessThan(script.length / 2);
    expect(decode(res.rawPayload).toString()).toBe(script);
  });

  it('prefers Brotli when a browser accepts both', async () => {
    const res = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(res.headers['content-encoding']).toBe('br');
  });

  it.each(['/', '/week'])('sends the app shell at %s compressed', async (url) => {
    const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(page);
  });

  it('sends files plain without Accept-Encoding', async () => {
    for (const url of ['/assets/index-AbC123.js', '/', '/week']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.length).toBeGreaterThan(0);
    }
    expect((await app.inject('/assets/index-AbC123.js')).body).toBe(script);
  });

  it('compresses a pull page over the threshold, and not a small one or without asking', async () => {
    const writer = await testAccount(app);
    const empty = await writer.request({
      url: '/api/sync/pull?since=0',
      headers: { 'accept-encoding': 'br' },
    });
    expect(empty.headers['content-encoding']).toBeUndefined();
    expect(empty.body.length).toBeLessThan(COMPRESS_MIN_BYTES);

    const mutations = Array.from({ length: 40 }, (_, i) =>
      testMutation(`m${i}`, 0, JSON.stringify({ text: `Moment ${i} of a busy week #work` })),
    );
    const push = await writer.request({
      method: 'POST',
      url: '/api/sync/push',
      payload: { mutations },
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(push.statusCode).toBe(200);
    expect(push.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(push.rawPayload).toString())).toHaveProperty('results');

    const plain = await writer.request({ url: '/api/sync/pull?since=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(COMPRESS_MIN_BYTES);
    const compressed = await writer.request({
      url: '/api/sync/pull?since=0',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(String(compressed.headers.vary)).toMatch(/accept-encoding/i);
    expect(compressed.rawPayload.length).toBeLessThan(plain.body.length / 3);
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe(plain.body);
  });

  it('never compresses an auth answer', async () => {
    const writer = await testAccount(app);
    const res = await writer.request({
      method: 'POST',
      url: '/api/auth/link-code',
      payload: {},
      headers: { 'accept-encoding': 'br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
