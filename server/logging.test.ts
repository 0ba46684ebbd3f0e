/**
 * The server logs one JSON line per request by default, errors with their stack, and never a
 * body, cookie, payload, code or token.
 */
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.js';
import { logLevelFrom } from './logging.js';
import { ORIGIN, testAccount, testMutation } from './test-support.js';

const SECRET = 'SECRET-MARKER-7f3a';

let app: FastifyInstance;
let dir: string;
const lines: Record<string, unknown>[] = [];
const raw: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'weeknotes-server-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Weeknotes</title>');
  app = await buildServer({
    staticDir: dir,
    dataDir: join(dir, 'data'),
    logStream: {
      write: (line) => {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  });
  app.get('/api/test-failure', () => {
    throw new Error('the database fell over');
  });
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const requestLines = () => lines.filter((l) => l.msg === 'request');

describe('server logging', () => {
  it('logs one line per request at info: method, path, status, time', async () => {
    const before = requestLines().length;
    await app.inject('/healthz');
    const logged = requestLines().slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 30,
      req: { method: 'GET', url: '/healthz' },
      res: { statusCode: 200 },
    });
    expect(typeof logged[0]!.responseTime).toBe('number');
  });

  it('never logs a cookie, a payload, a code, a token or a shared text', async () => {
    const writer = await testAccount(app);
    const push = await writer.request({
      method: 'POST',
      url: '/api/sync/push',
      payload: { mutations: [testMutation('logged', 0, JSON.stringify({ text: SECRET }))] },
      headers: { authorization: `Bearer ${SECRET}`, 'x-note': SECRET },
    });
    expect(push.statusCode).toBe(200);
    const codeRes = await writer.request({
      method: 'POST',
      url: '/api/auth/link-code',
      payload: {},
    });
    const { code } = codeRes.json<{ code: string }>();
    const link = await app.inject({
      method: 'POST',
      url: '/api/auth/link',
      headers: { origin: ORIGIN },
      payload: { code, deviceName: `Phone ${SECRET}` },
    });
    expect(link.statusCode).toBe(200);
    const setCookie = String(link.headers['set-cookie']);
    const token = /=([^;]+)/.exec(setCookie)?.[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    const failed = await app.inject({
      method: 'POST',
      url: '/api/auth/recover',
      headers: { origin: ORIGIN, cookie: `__Host-weeknotes=${SECRET}` },
      payload: { code: SECRET },
    });
    expect(failed.statusCode).toBe(400);
    await app.inject(`/share?text=${SECRET}`);

    const all = raw.join('');
    const sessionToken = writer.cookie.split('=')[1]!;
    for (const secret of [SECRET, code, token, sessionToken]) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/cookie/i);
    expect(requestLines().map((l) => (l.req as { url: string }).url)).toEqual(
      expect.arrayContaining(['/api/sync/push', '/api/auth/link', '/share']),
    );
  });

  it('logs a server error with its stack, and the request line with its status', async () => {
    const res = await app.inject({
      url: '/api/test-failure',
      headers: { cookie: `__Host-weeknotes=${SECRET}` },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'Something went wrong on the server' });
    const error = lines.find((l) => l.level === 50);
    expect(error).toBeDefined();
    const err = error!.err as { message: string; stack: string };
    expect(err.message).toBe('the database fell over');
    expect(err.stack).toMatch(/logging\.test\.ts/);
    expect(requestLines().at(-1)).toMatchObject({ res: { statusCode: 500 } });
    expect(raw.join('')).not.toContain(SECRET);
  });
});

describe('LOG_LEVEL', () => {
  it.each([
    [undefined, 'info'],
    ['silent', 'silent'],
    ['WARN', 'warn'],
    [' debug ', 'debug'],
  ])('%j means %s', (value, level) => {
    expect(logLevelFrom(value)).toBe(level);
  });

  it('refuses a level pino does not know, naming the choices', () => {
    expect(() => logLevelFrom('loud')).toThrow(
      /one of trace, debug, info, warn, error, fatal, silent/,
    );
  });
});
