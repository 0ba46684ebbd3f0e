import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.js';

let app: FastifyInstance;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'weeknotes-server-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Weeknotes</title><form>');
  writeFileSync(join(dist, 'shell.html'), '<!doctype html><title>Weeknotes</title><div>');
  mkdirSync(join(dist, 'screens'));
  writeFileSync(join(dist, 'screens', 'week.html'), '<!doctype html><title>Weeknotes</title><p>');
  writeFileSync(join(dist, 'sw.js'), 'self.x = 1;');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
  writeFileSync(join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
  app = await buildServer({ staticDir: dist, dataDir: join(dir, 'data'), logLevel: 'silent' });
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('server', () => {
  it('answers the health check', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it.each(['/', '/index.html', '/sw.js', '/manifest.webmanifest'])(
    'asks browsers to revalidate %s on every load',
    async (url) => {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('caches hashed assets for good', async () => {
    const res = await app.inject('/assets/index-AbC123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    ['/week', 'week shell', '<p>'],
    ['/week/2026-11-16', 'week shell', '<p>'],
    ['/weekly', 'shell', '<div>'],
    ['/settings', 'shell', '<div>'], // no settings shell in this build
    ['/share?text=hello', 'capture page', '<form>'],
  ])('falls back to the app page for the app route %s: the %s', async (url, _page, holds) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    // Capture's page holds its form; a screen with a shell of its own gets it; any other screen
    // gets the empty shell.
    expect(res.body).toContain(holds);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/assets/missing-123.js', '/api/nothing', '/icon.png'])(
    'gives a JSON 404 for %s',
    async (url) => {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'Not found' });
    },
  );

  it('does not fall back for a POST', async () => {
    const res = await app.inject({ method: 'POST', url: '/week' });
    expect(res.statusCode).toBe(404);
  });

  it('sends a strict Content-Security-Policy and the usual security headers', async () => {
    const res = await app.inject('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // The page may fetch from the writer's blog (https only), and load nothing from elsewhere.
    expect(csp).toContain("connect-src 'self' https:;");
    expect(csp).not.toMatch(/connect-src[^;]*http:/);
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['permissions-policy']).toContain('camera=()');
  });

  it.each(['/..%2f..%2fetc/passwd', '/../../etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd'])(
    'never serves a file from outside the app folder for %s',
    async (url) => {
      const res = await app.inject(url);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.body).not.toContain('root:');
    },
  );
});
