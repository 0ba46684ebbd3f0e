/**
 * Reminders by Web Push through the API: the VAPID key, subscriptions and settings, and real
 * encrypted pushes to a push service on 127.0.0.1 that decrypts them with the browser's keys.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reminderPayloadSchema, reminderStateSchema } from '../../src/sync/push-protocol.js';
import { ENGINES, testAccount, type TestDevice } from '../test-support.js';
import { PUSH_TTL_SECONDS } from './send.js';
import {
  browserSubscription,
  readVapid,
  startPushService,
  type LocalPushService,
} from './test-push-service.js';
import { reminderServer, testClock } from './test-server.js';

const fridayAt3 = {
  enabled: true,
  weekday: 5,
  time: '15:00',
  timeZone: 'Europe/London',
  nudge: null,
};

describe.each(ENGINES)('reminders by Web Push ($name)', ({ databaseUrl }) => {
  const clock = testClock('2026-11-23T09:00:00Z');
  let app: FastifyInstance;
  let closeServer: () => Promise<void>;
  let push: LocalPushService;

  beforeAll(async () => {
    ({ app, close: closeServer } = await reminderServer(databaseUrl, clock));
    push = await startPushService();
  });
  afterAll(async () => {
    await closeServer();
    await push.close();
  });
  afterEach(async () => {
    // Nothing left due for the next test: every schedule moves past the far future.
    await app.reminders.sendDue(new Date('2030-01-01T00:00:00Z'));
    push.received.length = 0;
    push.answer.clear();
    clock.at = new Date('2026-11-23T09:00:00Z');
  });

  async function subscribe(device: TestDevice, path: string) {
    const browser = browserSubscription(`${push.url}${path}`);
    const res = await device.request({
      method: 'PUT',
      url: '/api/push/subscription',
      payload: browser.json,
    });
    expect(res.statusCode, res.body).toBe(200);
    return browser;
  }

  async function remindAt(device: TestDevice, settings: object) {
    const res = await device.request({ method: 'PUT', url: '/api/reminders', payload: settings });
    expect(res.statusCode, res.body).toBe(200);
    return reminderStateSchema.parse(res.json());
  }

  const subscriptionCount = async (userId: string) =>
    (
      await app.database.db
        .selectFrom('push_subscriptions')
        .select('endpoint')
        .where('user_id', '=', userId)
        .execute()
    ).length;

  it('gives its VAPID public key, the same every time, and only to a signed-in device', async () => {
    const device = await testAccount(app);
    const first = await device.request({ method: 'GET', url: '/api/push/key' });
    expect(first.statusCode).toBe(200);
    const { publicKey } = first.json<{ publicKey: string }>();
    const raw = Buffer.from(publicKey, 'base64url');
    expect(raw).toHaveLength(65);
    expect(raw[0]).toBe(0x04);
    const again = await (await testAccount(app)).request({ method: 'GET', url: '/api/push/key' });
    expect(again.json()).toEqual({ publicKey });
    expect((await app.inject({ method: 'GET', url: '/api/push/key' })).statusCode).toBe(401);
  });

  it('sends a real aes128gcm push with VAPID that the browser decrypts: no content, just the reminder', async () => {
    const device = await testAccount(app);
    const browser = await subscribe(device, '/phone');
    const state = await remindAt(device, fridayAt3);
    // Monday 23 November 2026 09:00 GMT: next Friday, 15:00 GMT.
    expect(state).toMatchObject({ ...fridayAt3, nextReminderAt: '2026-11-27T15:00:00.000Z' });

    expect((await app.reminders.sendDue(new Date('2026-11-27T14:59:59Z'))).sent).toBe(0);
    const report = await app.reminders.sendDue(new Date('2026-11-27T15:00:00Z'));
    expect(report).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    expect(push.received).toHaveLength(1);
    const [received] = push.received;
    if (!received) throw new Error('no push');

    expect(received.path).toBe('/phone');
    expect(received.headers['content-encoding']).toBe('aes128gcm');
    expect(received.headers['content-type']).toBe('application/octet-stream');
    expect(received.headers.ttl).toBe(String(PUSH_TTL_SECONDS));
    expect(received.headers.urgency).toBe('normal');
    expect(received.headers.topic).toBe('weekly');
    const payload: unknown = JSON.parse(browser.decrypt(received.body));
    expect(payload).toEqual({
      type: 'reminder',
      reminder: 'weekly',
      due: '2026-11-27T15:00:00.000Z',
    });
    expect(reminderPayloadSchema.parse(payload)).toEqual(payload);

    const vapid = readVapid(received.headers.authorization);
    expect(vapid.publicKey).toBe(
      (await device.request({ method: 'GET', url: '/api/push/key' })).json<{ publicKey: string }>()
        .publicKey,
    );
    expect(vapid.claims.aud).toBe(push.url);
    expect(vapid.claims.sub).toBe('mailto:weeknotes@localhost');
    const inSeconds = vapid.claims.exp - Date.now() / 1000;
    expect(inSeconds).toBeGreaterThan(0);
    expect(inSeconds).toBeLessThanOrEqual(24 * 60 * 60);

    // Moved on to the next Friday; sending again at the same instant sends nothing.
    expect((await app.reminders.sendDue(new Date('2026-11-27T15:00:00Z'))).claimed).toBe(0);
    const later = await device.request({ method: 'GET', url: '/api/reminders' });
    expect(later.json()).toMatchObject({ nextReminderAt: '2026-12-04T15:00:00.000Z' });
  });

  it('sends the mid-week nudge with its threshold, for the device to decide', async () => {
    const device = await testAccount(app);
    const browser = await subscribe(device, '/nudged');
    const state = await remindAt(device, {
      ...fridayAt3,
      nudge: { weekday: 3, time: '12:30', fewerThan: 3 },
    });
    expect(state.nextNudgeAt).toBe('2026-11-25T12:30:00.000Z');
    expect((await app.reminders.sendDue(new Date('2026-11-25T12:31:00Z'))).sent).toBe(1);
    const [received] = push.received;
    expect(received?.headers.topic).toBe('nudge');
    expect(JSON.parse(browser.decrypt(received?.body ?? Buffer.alloc(0)))).toEqual({
      type: 'reminder',
      reminder: 'nudge',
      due: '2026-11-25T12:30:00.000Z',
      fewerThan: 3,
    });
  });

  it('sends to every signed-in device of the writer, and to no one else', async () => {
    const phone = await testAccount(app);
    const laptop = await testAccount(app, phone.userId);
    const other = await testAccount(app);
    await subscribe(phone, '/mine/phone');
    await subscribe(laptop, '/mine/laptop');
    await subscribe(other, '/other');
    await remindAt(phone, fridayAt3);
    await app.reminders.sendDue(new Date('2026-11-27T15:00:00Z'));
    expect(push.received.map((r) => r.path).sort()).toEqual(['/mine/laptop', '/mine/phone']);
  });

  it("keeps one writer's subscriptions and settings from another", async () => {
    const mine = await testAccount(app);
    const theirs = await testAccount(app);
    await subscribe(mine, '/private');
    await remindAt(mine, { ...fridayAt3, weekday: 2, time: '08:15' });

    const seen = await theirs.request({ method: 'GET', url: '/api/reminders' });
    expect(seen.json()).toEqual({
      enabled: false,
      weekday: 5,
      time: '15:00',
      timeZone: 'Europe/London',
      nudge: null,
      nextReminderAt: null,
      nextNudgeAt: null,
    });
    const removed = await theirs.request({
      method: 'DELETE',
      url: '/api/push/subscription',
      payload: { endpoint: `${push.url}/private` },
    });
    expect(removed.json()).toEqual({ removed: false });
    expect(await subscriptionCount(mine.userId)).toBe(1);
    // Their settings change nothing of mine.
    await remindAt(theirs, { ...fridayAt3, enabled: false });
    expect((await mine.request({ method: 'GET', url: '/api/reminders' })).json()).toMatchObject({
      weekday: 2,
      time: '08:15',
      nextReminderAt: '2026-11-24T08:15:00.000Z',
    });

    const mineRemoved = await mine.request({
      method: 'DELETE',
      url: '/api/push/subscription',
      payload: { endpoint: `${push.url}/private` },
    });
    expect(mineRemoved.json()).toEqual({ removed: true });
    expect(await subscriptionCount(mine.userId)).toBe(0);
  });

  it('forgets a subscription whose push service answers 410 or 404, and keeps one that fails with 500', async () => {
    const device = await testAccount(app);
    await subscribe(device, '/gone');
    await subscribe(device, '/unknown');
    await subscribe(device, '/broken');
    await subscribe(device, '/fine');
    push.answer.set('/gone', 410);
    push.answer.set('/unknown', 404);
    push.answer.set('/broken', 500);
    await remindAt(device, fridayAt3);
    const report = await app.reminders.sendDue(new Date('2026-11-27T15:00:00Z'));
    expect(report).toMatchObject({ claimed: 1, sent: 1, removed: 2, failed: 1 });
    const left = await app.database.db
      .selectFrom('push_subscriptions')
      .select('endpoint')
      .where('user_id', '=', device.userId)
      .orderBy('endpoint')
      .execute();
    expect(left.map((r) => new URL(r.endpoint).pathname)).toEqual(['/broken', '/fine']);
    // The failure is not retried by sending everyone the reminder again.
    expect((await app.reminders.sendDue(new Date('2026-11-27T15:01:00Z'))).claimed).toBe(0);
    expect(push.received).toHaveLength(4);
  });

  it('sends nothing to a revoked device, and skips a reminder the server was down for', async () => {
    const phone = await testAccount(app);
    const laptop = await testAccount(app, phone.userId);
    await subscribe(phone, '/revoked');
    await subscribe(laptop, '/kept');
    const revoke = await laptop.request({
      method: 'POST',
      url: `/api/devices/${phone.deviceId}/revoke`,
      payload: {},
    });
    expect(revoke.statusCode).toBe(200);
    await remindAt(laptop, fridayAt3);
    // Friday's 15:00 found on Saturday morning: too late to be useful, moved on, not sent.
    const late = await app.reminders.sendDue(new Date('2026-11-28T09:00:00Z'));
    expect(late).toMatchObject({ claimed: 1, missed: 1, sent: 0 });
    expect(push.received).toHaveLength(0);
    await app.reminders.sendDue(new Date('2026-12-04T15:00:30Z'));
    expect(push.received.map((r) => r.path)).toEqual(['/kept']);
  });

  it('turning reminders off stops them', async () => {
    const device = await testAccount(app);
    await subscribe(device, '/off');
    await remindAt(device, { ...fridayAt3, nudge: { weekday: 3, time: '09:00', fewerThan: 5 } });
    const off = await remindAt(device, { ...fridayAt3, enabled: false });
    expect(off).toMatchObject({ enabled: false, nextReminderAt: null, nextNudgeAt: null });
    expect((await app.reminders.sendDue(new Date('2026-11-27T15:00:00Z'))).claimed).toBe(0);
    expect(push.received).toHaveLength(0);
  });

  it.each([
    ['an unknown zone', '/api/reminders', { ...fridayAt3, timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a weekday of 7', '/api/reminders', { ...fridayAt3, weekday: 7 }, 'weekday'],
    ['a time of 24:00', '/api/reminders', { ...fridayAt3, time: '24:00' }, 'time'],
    ['an unknown field', '/api/reminders', { ...fridayAt3, colour: 'red' }, ''],
    [
      'a nudge of 0 moments',
      '/api/reminders',
      { ...fridayAt3, nudge: { weekday: 3, time: '09:00', fewerThan: 0 } },
      'nudge.fewerThan',
    ],
    [
      'an http endpoint elsewhere',
      '/api/push/subscription',
      { endpoint: 'http://push.example/x', keys: browserSubscription('x').json.keys },
      'endpoint',
    ],
    [
      'a short key',
      '/api/push/subscription',
      {
        endpoint: 'https://push.example/x',
        keys: { p256dh: 'AAAA', auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
      },
      'keys.p256dh',
    ],
    [
      'a short auth secret',
      '/api/push/subscription',
      {
        endpoint: 'https://push.example/x',
        keys: { ...browserSubscription('x').json.keys, auth: 'AAAA' },
      },
      'keys.auth',
    ],
    ['no keys', '/api/push/subscription', { endpoint: 'https://push.example/x' }, 'keys'],
  ])('refuses %s with a 400 that says where', async (_what, url, payload, path) => {
    const device = await testAccount(app);
    const res = await device.request({ method: 'PUT', url, payload });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: string; path?: string }>();
    expect(body.error).toEqual(expect.any(String));
    if (path) expect(body.path).toBe(path);
  });

  it('takes an https endpoint, and needs a session and our origin', async () => {
    const device = await testAccount(app);
    const payload = browserSubscription('https://push.example/abc').json;
    const ok = await device.request({ method: 'PUT', url: '/api/push/subscription', payload });
    expect(ok.json()).toEqual({ subscribed: true });
    const anonymous = await app.inject({
      method: 'PUT',
      url: '/api/push/subscription',
      headers: { origin: 'http://localhost:80' },
      payload,
    });
    expect(anonymous.statusCode).toBe(401);
    const crossSite = await device.request({
      method: 'PUT',
      url: '/api/reminders',
      headers: { origin: 'https://evil.example' },
      payload: fridayAt3,
    });
    expect(crossSite.statusCode).toBe(403);
  });
});
