import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, ORIGIN, testAccount, testServer } from '../test-support.js';
import { createUser } from './accounts.js';
import { IDLE_EXPIRY_MS } from './sessions.js';

describe.each(ENGINES)('accounts and sessions on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { origin: ORIGIN, ...headers },
    });

  it('signs a new device in with a link code, once, and lists it', async () => {
    const phone = await testAccount(app);
    const res = await phone.request({ method: 'POST', url: '/api/auth/link-code', payload: {} });
    const { code } = res.json<{ code: string }>();
    const joined = await post('/api/auth/link', {
      code: code.toLowerCase().replace('-', ' '),
      deviceName: 'Laptop',
    });
    expect(joined.statusCode, joined.body).toBe(200);
    const cookie = joined.cookies.find((c) => c.name === '__Host-weeknotes');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    const me = await app.inject({
      url: '/api/me',
      headers: { cookie: `__Host-weeknotes=${cookie?.value}` },
    });
    expect(me.json()).toMatchObject({ userId: phone.userId, deviceName: 'Laptop' });
    expect((await post('/api/auth/link', { code })).statusCode).toBe(400);
    const list = await phone.request({ method: 'GET', url: '/api/devices' });
    expect(list.json<{ devices: { name: string }[] }>().devices.map((d) => d.name)).toEqual([
      'Test device',
      'Laptop',
    ]);
  });

  it('lets each recovery code in exactly once', async () => {
    const userId = crypto.randomUUID();
    const codes = await createUser(app.database.db, userId, new Date());
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const first = await post('/api/auth/recover', { code: codes[0], deviceName: 'New phone' });
    expect(first.statusCode).toBe(200);
    expect((await post('/api/auth/recover', { code: codes[0] })).statusCode).toBe(400);
    expect((await post('/api/auth/recover', { code: 'AAAA-BBBB-CCCC' })).statusCode).toBe(400);
  });

  it('refuses a revoked device at its very next request', async () => {
    const phone = await testAccount(app);
    const laptop = await testAccount(app, phone.userId);
    expect(
      (await laptop.request({ method: 'GET', url: '/api/sync/pull?since=0' })).statusCode,
    ).toBe(200);
    const revoke = await phone.request({
      method: 'POST',
      url: `/api/devices/${laptop.deviceId}/revoke`,
      payload: {},
    });
    expect(revoke.statusCode).toBe(200);
    const after = await laptop.request({ method: 'GET', url: '/api/sync/pull?since=0' });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ reason: 'signed-out' });
  });

  it("will not let one account revoke or list another's devices", async () => {
    const alice = await testAccount(app);
    const bob = await testAccount(app);
    const res = await bob.request({
      method: 'POST',
      url: `/api/devices/${alice.deviceId}/revoke`,
      payload: {},
    });
    expect(res.statusCode).toBe(404);
    expect((await alice.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const bobs = await bob.request({ method: 'GET', url: '/api/devices' });
    expect(JSON.stringify(bobs.json())).not.toContain(alice.deviceId);
  });

  it('ends a session left unused past the idle limit', async () => {
    const d = await testAccount(app);
    const stale = new Date(Date.now() - IDLE_EXPIRY_MS - 60_000).toISOString();
    await app.database.db
      .updateTable('sessions')
      .set({ last_seen_at: stale })
      .where('device_id', '=', d.deviceId)
      .execute();
    expect((await d.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('ends a session past its absolute expiry, however recently used', async () => {
    const d = await testAccount(app);
    await app.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('device_id', '=', d.deviceId)
      .execute();
    expect((await d.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('refuses writes from another origin, or with no origin, even with a valid cookie', async () => {
    const d = await testAccount(app);
    const body = {
      mutations: [
        {
          mutationId: crypto.randomUUID(),
          id: 'x',
          kind: 'moment',
          baseVersion: 0,
          updatedAt: new Date().toISOString(),
          deleted: false,
          payload: '{}',
        },
      ],
    };
    const foreign = await d.request({
      method: 'POST',
      url: '/api/sync/push',
      payload: body,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    const none = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      payload: body,
      headers: { cookie: d.cookie },
    });
    expect(none.statusCode).toBe(403);
    expect(
      (await d.request({ method: 'GET', url: '/api/sync/pull?since=0' })).json(),
    ).toMatchObject({ changes: [] });
  });

  it('stores session tokens and codes only as hashes', async () => {
    const d = await testAccount(app);
    const token = d.cookie.split('=')[1] ?? '';
    const rows = await app.database.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows.some((r) => r.id_hash === token)).toBe(false);
  });

  it('answers malformed requests with a 4xx JSON error that names the problem', async () => {
    const d = await testAccount(app);
    const cases = [
      { payload: '{"mutations": [', type: 'application/json' },
      { payload: { mutations: [] } },
      { payload: { mutations: [{ id: 'x' }] } },
      { payload: { mutations: 'nope' } },
      { payload: { mutations: [], extra: 1 } },
      { payload: 'mutations=1', type: 'application/x-www-form-urlencoded' },
    ];
    for (const c of cases) {
      const res = await d.request({
        method: 'POST',
        url: '/api/sync/push',
        payload: c.payload,
        headers: c.type ? { 'content-type': c.type } : {},
      });
      expect(res.statusCode, JSON.stringify(c)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, JSON.stringify(c)).toBeLessThan(500);
      expect(typeof res.json<{ error: unknown }>().error).toBe('string');
    }
    const wrongType = await d.request({ method: 'GET', url: '/api/sync/pull?since=abc' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ path: 'since' });
  });
});

describe('rate limits', () => {
  it('limits sign-in attempts from one address', async () => {
    const { buildServer } = await import('../app.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/weeknotes-rl-`);
    const app = await buildServer({
      staticDir: dir,
      dataDir: dir,
      authRateLimit: 5,
      logLevel: 'silent',
    });
    const codes = [];
    for (let i = 0; i < 7; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/recover',
        payload: { code: 'AAAA-BBBB-CCCC' },
        headers: { origin: ORIGIN },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(codes.slice(5)).toEqual([429, 429]);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
