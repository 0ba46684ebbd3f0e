import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDevice, createUser } from '../../server/auth/accounts';
import { createSession } from '../../server/auth/sessions';
import type { Database } from '../../server/db/schema';
import { LISTENER_NAME } from '../../server/sync/pg-notifier';
import { until } from './event-stream';
import { LiveDevice } from './live-devices';
import { startProcess, stopProcess, type ServerProcess } from './processes';

const databaseUrl = process.env.TEST_DATABASE_URL;

/** A free port, so a restarted process comes back where its devices expect it. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// Real servers and sockets: slower than a unit test when the machine is busy.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

describe.skipIf(!databaseUrl)('live sync across two server processes on one PostgreSQL', () => {
  let db: Kysely<Database>;
  let one: ServerProcess;
  let two: ServerProcess;
  let twoPort: number;
  const devices: LiveDevice[] = [];

  const startTwo = async () => {
    two = await startProcess({ DATABASE_URL: databaseUrl, PORT: String(twoPort) });
  };

  /** A new device of `userId` (a new account when absent) syncing through `server`. */
  async function device(server: ServerProcess, userId?: string) {
    const now = new Date();
    const user = userId ?? randomUUID();
    if (!userId) await createUser(db, user, now);
    const caller = await addDevice(db, user, 'device', now);
    const cookie = `weeknotes=${await createSession(db, caller, now)}`;
    const live = new LiveDevice(server.url, cookie);
    devices.push(live);
    return Object.assign(live, { userId: user, deviceId: caller.deviceId });
  }

  /** `from` captures a moment and syncs it (its round pushes it). */
  async function captureAndPush(from: LiveDevice, text: string): Promise<void> {
    await from.device.capture(text);
    await from.round();
  }

  beforeAll(async () => {
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl }) }),
    });
    twoPort = await freePort();
    one = await startProcess({ DATABASE_URL: databaseUrl });
    await startTwo();
  });
  afterEach(async () => {
    await Promise.all(devices.splice(0).map((d) => d.close()));
  });
  afterAll(async () => {
    await Promise.all([stopProcess(one.child), stopProcess(two.child)]);
    await db.destroy();
  });

  it('a push through one process is pulled through the other at once, with no polling', async () => {
    const phone = await device(one);
    const laptop = await device(two, phone.userId);
    laptop.live.start();
    await until(() => laptop.log.includes('ready 0'), 'the stream');
    await captureAndPush(phone, 'Pushed through process one');
    await until(() => laptop.log.includes('pulled'), 'the pull');
    expect(await laptop.texts()).toContain('Pushed through process one');
    // Nothing else made the laptop pull: the event came first, then the one round it asked for.
    expect(laptop.log).toEqual([
      'connect',
      'ready 0',
      expect.stringMatching(/^changed \d+$/),
      'pull',
      'pulled',
    ]);
  });

  it('a second account hears nothing of the first', async () => {
    const phone = await device(one);
    const stranger = await device(two);
    const strangersPhone = await device(one, stranger.userId);
    stranger.live.start();
    await until(() => stranger.log.includes('ready 0'), 'the stream');
    await captureAndPush(phone, 'Not for the stranger');
    await captureAndPush(strangersPhone, 'For the stranger');
    await until(async () => (await stranger.texts()).includes('For the stranger'));
    expect(stranger.log.filter((e) => e.startsWith('changed'))).toHaveLength(1);
    expect(await stranger.texts()).toEqual(['For the stranger']);
  });

  it('a stream cut by the network reconnects when it is back and catches up', async () => {
    const phone = await device(one);
    const laptop = await device(two, phone.userId);
    laptop.live.start();
    await until(() => laptop.log.includes('ready 0'), 'the stream');
    laptop.goOffline();
    await captureAndPush(phone, 'Written while the laptop was offline');
    await until(() => laptop.log.includes('failed: offline'), 'the failed catch-up');
    laptop.goOnline();
    await until(() => laptop.log.at(-1) === 'pulled', 'the catch-up');
    expect(await laptop.texts()).toContain('Written while the laptop was offline');
    const back = laptop.log.lastIndexOf('connect');
    expect(laptop.log.slice(0, 5)).toEqual([
      'connect',
      'ready 0',
      'error',
      'pull',
      'failed: offline',
    ]);
    expect(laptop.log.slice(back)).toEqual([
      'connect',
      expect.stringMatching(/^ready [1-9]\d*$/),
      'pull',
      'pulled',
    ]);
  });

  it('a stream whose server restarts reconnects with backoff and misses nothing', async () => {
    const phone = await device(one);
    const laptop = await device(two, phone.userId);
    laptop.live.start();
    await until(() => laptop.log.includes('ready 0'), 'the stream');
    await stopProcess(two.child);
    // SIGTERM closed the open stream rather than waiting on it (it exits 1 if forced after 10 s).
    expect(two.child.exitCode).toBe(0);
    await captureAndPush(phone, 'Written while process two was down');
    await until(() => laptop.log.filter((e) => e === 'connect').length >= 2, 'a failed reconnect');
    await startTwo();
    await until(() => laptop.log.at(-1) === 'pulled', 'the catch-up');
    expect(await laptop.texts()).toContain('Written while process two was down');
    expect(laptop.log.slice(0, 4)).toEqual(['connect', 'ready 0', 'error', 'pull']);
    expect(laptop.log.slice(-3)).toEqual([
      expect.stringMatching(/^ready [1-9]\d*$/),
      'pull',
      'pulled',
    ]);
  });

  it('a device revoked through the other process has its stream closed, as does signing out', async () => {
    const phone = await device(one);
    const laptop = await device(two, phone.userId);
    const tablet = await device(two, phone.userId);
    laptop.live.start();
    tablet.live.start();
    await until(() => [laptop, tablet].every((d) => d.log.includes('ready 0')), 'the streams');
    const post = (path: string, cookie: string) =>
      fetch(one.url + path, {
        method: 'POST',
        headers: { cookie, origin: one.url, 'content-type': 'application/json' },
        body: '{}',
      });
    expect((await post(`/api/devices/${laptop.deviceId}/revoke`, phone.cookie)).status).toBe(200);
    await until(() => laptop.log.includes('failed: signed-out'), 'the revoke');
    expect(laptop.log).toEqual(['connect', 'ready 0', 'signed-out', 'pull', 'failed: signed-out']);
    expect((await post('/api/auth/sign-out', tablet.cookie)).status).toBe(200);
    await until(() => tablet.log.includes('failed: signed-out'), 'the sign-out');
    expect(tablet.log).toEqual(['connect', 'ready 0', 'signed-out', 'pull', 'failed: signed-out']);
  });

  it('a lost LISTEN connection is made again, and what was sent meanwhile still arrives', async () => {
    const phone = await device(one);
    const laptop = await device(two, phone.userId);
    laptop.live.start();
    await until(() => laptop.log.includes('ready 0'), 'the stream');
    const listeners = sql<{
      n: number;
    }>`select count(*)::int as n from pg_stat_activity where application_name = ${LISTENER_NAME}`;
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${LISTENER_NAME}`.execute(
      db,
    );
    await captureAndPush(phone, 'Sent while nobody listened');
    await until(async () => (await laptop.texts()).includes('Sent while nobody listened'));
    // However it came (the NOTIFY, or the newest seq resent once process two listened again),
    // it came on the stream: the laptop's first round followed a change event.
    const firstPull = laptop.log.indexOf('pull');
    expect(laptop.log.slice(0, firstPull).some((e) => /^changed [1-9]/.test(e))).toBe(true);
    expect(laptop.log.slice(0, 2)).toEqual(['connect', 'ready 0']);
    await until(async () => (await listeners.execute(db)).rows[0]?.n === 2, 'both to listen again');
    await captureAndPush(phone, 'Sent once they listened again');
    await until(async () => (await laptop.texts()).includes('Sent once they listened again'));
  });
});
