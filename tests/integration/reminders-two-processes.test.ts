/**
 * Reminders with two server processes on one PostgreSQL: they start at once and agree on one
 * VAPID key pair, and each due reminder reaches the local push service exactly once, however
 * the two processes' rounds interleave.
 */
import type { ChildProcess } from 'node:child_process';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDevice, createUser } from '../../server/auth/accounts';
import { createSession } from '../../server/auth/sessions';
import type { Database } from '../../server/db/schema';
import { saveReminderSettings } from '../../server/push/settings';
import { saveSubscription } from '../../server/push/subscriptions';
import {
  browserSubscription,
  startPushService,
  type LocalPushService,
} from '../../server/push/test-push-service';
import { freshPostgresDatabase } from '../../server/push/test-server';
import { startProcess, stopProcess } from './processes';

const serverUrl = process.env.TEST_DATABASE_URL;
const WRITERS = 250;

describe.skipIf(!serverUrl)('reminders from two server processes on one PostgreSQL', () => {
  const processes: ChildProcess[] = [];
  let fresh: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let db: Kysely<Database>;
  let push: LocalPushService;

  beforeAll(async () => {
    // A database of its own, so no other test's server sends these reminders.
    fresh = await freshPostgresDatabase(serverUrl ?? '');
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: fresh.url }) }),
    });
    // Each answer takes a few milliseconds, as a real push service's would, so that one
    // process is still sending while the other looks for due reminders.
    push = await startPushService(5);
  });

  afterAll(async () => {
    await Promise.all(processes.map(stopProcess));
    await db.destroy();
    await push.close();
    await fresh.drop();
  });

  it('agree on one VAPID key and send each due reminder exactly once', async () => {
    const env = {
      DATABASE_URL: fresh.url,
      PUSH_ORIGINS: 'http://127.0.0.1:*',
      REMINDER_EVERY_MS: '50',
    };
    // Both start on an empty database at once: migrations, then the VAPID keys, race.
    const [one, two] = await Promise.all([startProcess(env), startProcess(env)]);
    processes.push(one.child, two.child);

    const now = new Date();
    const key = async (url: string) => {
      const userId = crypto.randomUUID();
      await createUser(db, userId, now);
      const cookie = `__Host-weeknotes=${await createSession(db, await addDevice(db, userId, 'd', now), now)}`;
      const res = await fetch(`${url}/api/push/key`, { headers: { cookie } });
      return ((await res.json()) as { publicKey: string }).publicKey;
    };
    const [keyOne, keyTwo] = await Promise.all([key(one.url), key(two.url)]);
    expect(keyOne).toMatch(/^[\w-]{87}$/);
    expect(keyTwo).toBe(keyOne);
    expect(await db.selectFrom('vapid_keys').select('id').execute()).toHaveLength(1);

    for (let i = 0; i < WRITERS; i++) {
      const userId = crypto.randomUUID();
      await createUser(db, userId, now);
      const caller = await addDevice(db, userId, 'phone', now);
      await createSession(db, caller, now);
      const sub = browserSubscription(`${push.url}/writer/${i}`);
      await saveSubscription(db, caller, sub.json, ['http://127.0.0.1:*'], now);
      await saveReminderSettings(
        db,
        userId,
        { enabled: true, weekday: 5, time: '15:00', timeZone: 'Europe/London', nudge: null },
        now,
      );
    }
    expect(push.received).toHaveLength(0);

    // Every writer's reminder falls due at the same moment, under both processes' loops.
    await db
      .updateTable('reminder_schedule')
      .set({ due_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    await push.waitFor(WRITERS, 30_000);
    // Many more rounds of both loops: nothing is sent again.
    await new Promise((r) => setTimeout(r, 1500));

    const perWriter = new Map<string, number>();
    for (const r of push.received) perWriter.set(r.path, (perWriter.get(r.path) ?? 0) + 1);
    expect(perWriter.size).toBe(WRITERS);
    expect([...perWriter.values()].filter((n) => n !== 1)).toEqual([]);
    expect(push.received).toHaveLength(WRITERS);

    const schedule = await db.selectFrom('reminder_schedule').select('due_at').execute();
    expect(schedule).toHaveLength(WRITERS);
    expect(schedule.every((s) => Date.parse(s.due_at) > Date.now())).toBe(true);
  }, 60_000);
});
