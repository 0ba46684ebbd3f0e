import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../../server/app';
import { ENGINES, testAccount, testMutation, type TestDevice } from '../../server/test-support';
import { LIVE_EVENTS_PATH } from '../../src/sync/live-protocol';
import { pushResponseSchema } from '../../src/sync/protocol';
import { FetchEventSource, record, until } from './event-stream';
import { LiveDevice } from './live-devices';

/** A server in this process, listening on a free port, with small limits and a fast heartbeat. */
async function listeningServer(databaseUrl?: string): Promise<[FastifyInstance, string]> {
  const dir = mkdtempSync(join(tmpdir(), 'weeknotes-live-'));
  const app = await buildServer({
    staticDir: dir,
    dataDir: join(dir, 'data'),
    logLevel: 'silent',
    liveSync: { perDevice: 2, perAccount: 3, heartbeatMs: 200 },
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  app.addHook('onClose', () => rmSync(dir, { recursive: true, force: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return [app, `http://127.0.0.1:${typeof address === 'object' ? address?.port : ''}`];
}

/** Pushes one new moment; the seq it was stored at. */
async function push(device: TestDevice): Promise<number> {
  const res = await device.request({
    method: 'POST',
    url: '/api/sync/push',
    payload: { mutations: [testMutation(randomUUID())] },
  });
  const [result] = pushResponseSchema.parse(res.json()).results;
  return result?.record.seq ?? -1;
}

// Real servers and sockets: slower than a unit test when the machine is busy.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

describe.each(ENGINES)('live sync on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  let url: string;
  const open: FetchEventSource[] = [];
  const stream = (device?: TestDevice) => {
    const source = new FetchEventSource(url + LIVE_EVENTS_PATH, {
      ...(device ? { cookie: device.cookie } : {}),
    });
    open.push(source);
    return { source, seen: record(source) };
  };

  beforeAll(async () => {
    [app, url] = await listeningServer(databaseUrl);
  });
  afterAll(async () => {
    for (const source of open) source.close();
    await app.close();
  });

  it("tells the writer's other devices of a push, and nobody else", async () => {
    const phone = await testAccount(app);
    const laptop = await testAccount(app, phone.userId);
    const stranger = await testAccount(app);
    const strangersTablet = await testAccount(app, stranger.userId);
    const [onPhone, onLaptop, onStranger] = [stream(phone), stream(laptop), stream(stranger)];
    await until(() =>
      [onPhone, onLaptop, onStranger].every((s) => s.seen.includes('ready {"seq":0}')),
    );

    const fromLaptop = await push(laptop);
    const fromPhone = await push(phone);
    const fromTablet = await push(strangersTablet);
    await until(() => onStranger.seen.some((e) => e.startsWith('changed')), 'the tablet push');
    await until(() => onLaptop.seen.some((e) => e.startsWith('changed')), 'the phone push');
    // Each hears the other's push only: not its own, and not another account's.
    expect(onPhone.seen).toEqual(['open', 'ready {"seq":0}', `changed {"seq":${fromLaptop}}`]);
    expect(onLaptop.seen).toEqual(['open', 'ready {"seq":0}', `changed {"seq":${fromPhone}}`]);
    expect(onStranger.seen).toEqual(['open', 'ready {"seq":0}', `changed {"seq":${fromTablet}}`]);

    // A stream opened later starts from the newest seq.
    const late = stream(laptop);
    await until(() => late.seen.includes(`ready {"seq":${fromPhone}}`), 'ready');
  });

  it('a device pulls when its stream says another pushed, with no polling', async () => {
    const phoneSession = await testAccount(app);
    const [phone, laptop] = [
      new LiveDevice(url, phoneSession.cookie),
      new LiveDevice(url, (await testAccount(app, phoneSession.userId)).cookie),
    ];
    try {
      laptop.live.start();
      await until(() => laptop.log.includes('ready 0'), 'the stream');
      await phone.device.capture('Captured on the phone');
      await phone.round();
      await until(() => laptop.log.includes('pulled'), 'the pull');
      expect(await laptop.texts()).toEqual(['Captured on the phone']);
      expect(laptop.log).toEqual([
        'connect',
        'ready 0',
        expect.stringMatching(/^changed [1-9]\d*$/),
        'pull',
        'pulled',
      ]);
    } finally {
      await Promise.all([phone.close(), laptop.close()]);
    }
  });

  it('refuses a stream without a session, and closes one when its session signs out', async () => {
    const refused = stream();
    await until(() => refused.seen.includes('error'));
    expect(refused.source.status).toBe(401);

    const phone = await testAccount(app);
    const onPhone = stream(phone);
    await until(() => onPhone.seen.includes('ready {"seq":0}'));
    await phone.request({ method: 'POST', url: '/api/auth/sign-out', payload: {} });
    await until(() => onPhone.seen.includes('error'), 'the stream to close');
    expect(onPhone.seen).toEqual(['open', 'ready {"seq":0}', 'signed-out {}', 'error']);
    const again = stream(phone);
    await until(() => again.seen.includes('error'));
    expect(again.source.status).toBe(401);
  });

  it("closes a revoked device's stream at once", async () => {
    const phone = await testAccount(app);
    const laptop = await testAccount(app, phone.userId);
    const [onPhone, onLaptop] = [stream(phone), stream(laptop)];
    await until(() => [onPhone, onLaptop].every((s) => s.seen.includes('ready {"seq":0}')));
    const res = await phone.request({
      method: 'POST',
      url: `/api/devices/${laptop.deviceId}/revoke`,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    await until(() => onLaptop.seen.includes('error'), 'the laptop stream to close');
    expect(onLaptop.seen).toEqual(['open', 'ready {"seq":0}', 'signed-out {}', 'error']);
    // The phone's own stream stays open and still hears.
    const seq = await push(await testAccount(app, phone.userId));
    await until(() => onPhone.seen.includes(`changed {"seq":${seq}}`));
    expect(onPhone.seen).not.toContain('error');
  });

  it('closes the oldest stream beyond two per device and three per account', async () => {
    const phone = await testAccount(app);
    const ready = async (device: TestDevice) => {
      const s = stream(device);
      await until(() => s.seen.includes('ready {"seq":0}'));
      return s;
    };
    const [a, b, c] = [await ready(phone), await ready(phone), await ready(phone)];
    await until(() => a.seen.includes('error'), 'the oldest to close');
    expect(a.seen).toEqual(['open', 'ready {"seq":0}', 'replaced {}', 'error']);
    await ready(await testAccount(app, phone.userId));
    await ready(await testAccount(app, phone.userId));
    await until(() => b.seen.includes('error'), 'the account limit');
    expect(b.seen).toEqual(['open', 'ready {"seq":0}', 'replaced {}', 'error']);
    expect(c.seen).not.toContain('error');
  });

  it('is sent as it goes: not compressed, cached or buffered, under the same CSP', async () => {
    const res = await fetch(url + LIVE_EVENTS_PATH, {
      headers: { cookie: (await testAccount(app)).cookie, 'accept-encoding': 'br, gzip' },
    });
    await res.body?.cancel();
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('sends heartbeats as comments to an idle stream', async () => {
    const source = new FetchEventSource(url + LIVE_EVENTS_PATH, {
      cookie: (await testAccount(app)).cookie,
    });
    open.push(source);
    const seen = record(source, true);
    await until(() => seen.includes('comment') && seen.includes('ready {"seq":0}'), 'a heartbeat');
    // A heartbeat may come before `ready` when the seq lookup is slow: the stream hears from the
    // moment it is added, so that no change is missed. Both must arrive, and nothing else.
    expect(seen[0]).toBe('open');
    expect(new Set(seen.slice(1))).toEqual(new Set(['ready {"seq":0}', 'comment']));
  });

  it('ends open streams when the server closes, without waiting for them', async () => {
    const [other, otherUrl] = await listeningServer(databaseUrl);
    const source = new FetchEventSource(otherUrl + LIVE_EVENTS_PATH, {
      cookie: (await testAccount(other)).cookie,
    });
    const seen = record(source);
    await until(() => seen.includes('ready {"seq":0}'));
    await other.close();
    await until(() => seen.includes('error'), 'the stream to end');
    expect(seen).toEqual(['open', 'ready {"seq":0}', 'error']);
  });
});
