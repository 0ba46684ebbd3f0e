/**
 * Another account, a stolen or ended session, or no session at all, on every endpoint that needs
 * one: nothing of the first account can be read, changed or enumerated.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENGINES,
  ORIGIN,
  testAccount,
  testMutation,
  testServer,
  type TestDevice,
} from '../../server/test-support';
import { databaseSnapshot } from './snapshot';

const SECRET = 'Supervision notes about Priya';

const mutation = (id: string, payload: string, baseVersion = 0) =>
  testMutation(id, baseVersion, payload);

/** Every endpoint that needs a session, as one device would call it. */
function signedInEndpoints(someDevice: string): (InjectOptions & { url: string })[] {
  return [
    { method: 'GET', url: '/api/me' },
    { method: 'GET', url: '/api/devices' },
    { method: 'POST', url: `/api/devices/${someDevice}/revoke`, payload: {} },
    { method: 'POST', url: '/api/auth/link-code', payload: {} },
    { method: 'GET', url: '/api/sync/pull?since=0' },
    {
      method: 'POST',
      url: '/api/sync/push',
      payload: { mutations: [mutation('intruder', '{"text":"planted"}')] },
    },
    { method: 'GET', url: '/api/keys' },
    {
      method: 'POST',
      url: '/api/keys/boxes',
      payload: { kind: 'device', publicKey: 'A'.repeat(87) },
    },
    { method: 'POST', url: '/api/keys/links', payload: { code: 'AAAA-BBBB' } },
    { method: 'GET', url: `/api/keys/links/${someDevice}` },
  ];
}

describe.each(ENGINES)('other accounts and stolen sessions on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  let victim: TestDevice;
  let victimLaptop: TestDevice;
  let victimMutation: ReturnType<typeof mutation>;

  beforeAll(async () => {
    app = await testServer(databaseUrl);
    victim = await testAccount(app);
    victimLaptop = await testAccount(app, victim.userId);
    victimMutation = mutation('moment-a', JSON.stringify({ text: SECRET }));
    const res = await victim.request({
      method: 'POST',
      url: '/api/sync/push',
      payload: { mutations: [victimMutation] },
    });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
  });

  const victimSees = async () =>
    (await victim.request({ method: 'GET', url: '/api/sync/pull?since=0' })).json<{
      changes: { id: string; payload: string; version: number }[];
    }>().changes;

  it('gives a second account nothing of the first on any endpoint', async () => {
    const attacker = await testAccount(app);
    const before = await victimSees();
    const answers: string[] = [];
    const ask = async (options: InjectOptions) => {
      const res = await attacker.request(options);
      answers.push(res.body);
      return res;
    };

    const me = (await ask({ method: 'GET', url: '/api/me' })).json<{ userId: string }>();
    expect(me.userId).toBe(attacker.userId);
    const devices = (await ask({ method: 'GET', url: '/api/devices' })).json<{
      devices: { id: string }[];
    }>();
    expect(devices.devices.map((d) => d.id)).toEqual([attacker.deviceId]);
    for (const id of [victim.deviceId, victimLaptop.deviceId]) {
      const revoke = await ask({ method: 'POST', url: `/api/devices/${id}/revoke`, payload: {} });
      expect(revoke.statusCode).toBe(404);
    }
    for (const since of [0, 1, 1000]) {
      const pull = await ask({ method: 'GET', url: `/api/sync/pull?since=${since}&limit=1000` });
      expect(pull.json<{ changes: unknown[] }>().changes).toEqual([]);
    }
    // The victim's record id, at version 0 and at its real version, and a replay of the victim's
    // own mutation: each lands in the attacker's own space or nowhere, and reveals nothing.
    for (const m of [
      mutation('moment-a', '{"text":"overwrite"}'),
      mutation('moment-a', '{"text":"overwrite"}', 1),
      victimMutation,
    ]) {
      const push = await ask({
        method: 'POST',
        url: '/api/sync/push',
        payload: { mutations: [m] },
      });
      expect(push.statusCode).toBe(200);
      expect(push.json<{ results: { status: string }[] }>().results[0]?.status).not.toBe(
        'duplicate',
      );
    }
    const code = (await ask({ method: 'POST', url: '/api/auth/link-code', payload: {} })).json<{
      code: string;
    }>().code;
    const linked = await app.inject({
      method: 'POST',
      url: '/api/auth/link',
      payload: { code },
      headers: { origin: ORIGIN },
    });
    const cookie = String(linked.headers['set-cookie']).split(';')[0] ?? '';
    const linkedMe = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(linkedMe.json<{ userId: string }>().userId).toBe(attacker.userId);
    await ask({ method: 'POST', url: '/api/auth/sign-out', payload: {} });

    expect(answers.join('\n')).not.toContain('Priya');
    expect(answers.join('\n')).not.toContain(victim.userId);
    expect(await victimSees()).toEqual(before);
    const victimDevices = await victim.request({ method: 'GET', url: '/api/devices' });
    expect(victimDevices.json<{ devices: unknown[] }>().devices).toHaveLength(2);
  });

  it('refuses no session, a made-up session, a revoked device and an expired session everywhere', async () => {
    const thief = await testAccount(app, victim.userId);
    const expired = await testAccount(app, victim.userId);
    await app.database.db
      .updateTable('devices')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', thief.deviceId)
      .execute();
    await app.database.db
      .updateTable('sessions')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('device_id', '=', expired.deviceId)
      .execute();
    const before = await databaseSnapshot(app);
    const cookies = {
      none: '',
      'made up': `__Host-weeknotes=${'A'.repeat(43)}`,
      'of a revoked device': thief.cookie,
      expired: expired.cookie,
    };
    for (const [name, cookie] of Object.entries(cookies)) {
      for (const endpoint of signedInEndpoints(victimLaptop.deviceId)) {
        const res = await app.inject({ ...endpoint, headers: { origin: ORIGIN, cookie } });
        expect(res.statusCode, `${name}: ${endpoint.method} ${endpoint.url}`).toBe(401);
        expect(res.body).not.toContain('Priya');
      }
    }
    // Nothing changed, except that the expired session was cleared away.
    expect(await databaseSnapshot(app)).toEqual({
      ...before,
      sessions: before.sessions.filter((s) => s.device_id !== expired.deviceId),
    });
  });
});
