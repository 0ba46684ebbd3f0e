import type { ChildProcess } from 'node:child_process';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDevice, createUser } from '../../server/auth/accounts';
import { createSession } from '../../server/auth/sessions';
import type { Database } from '../../server/db/schema';
import { pullResponseSchema, pushResponseSchema } from '../../src/sync/protocol';
import type { Remote } from '../../src/sync/remote';
import { SimulatedDevice } from './devices';
import { startProcess as start, stopProcess } from './processes';

const startProcess = () => start({ DATABASE_URL: databaseUrl });

const databaseUrl = process.env.TEST_DATABASE_URL;
/** The sync API of one server process, over real HTTP. */
function httpRemote(url: string, cookie: string): Remote {
  async function call(path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(url + path, {
      method: body ? 'POST' : 'GET',
      headers: { cookie, origin: url, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    return res.json();
  }
  return {
    async push(mutations) {
      return pushResponseSchema.parse(await call('/api/sync/push', { mutations })).results;
    },
    async pull(since, limit) {
      return pullResponseSchema.parse(await call(`/api/sync/pull?since=${since}&limit=${limit}`));
    },
  };
}

describe.skipIf(!databaseUrl)('two server processes on one PostgreSQL', () => {
  const processes: ChildProcess[] = [];
  let db: Kysely<Database>;

  beforeAll(() => {
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl }) }),
    });
  });

  afterAll(async () => {
    await Promise.all(processes.map(stopProcess));
    await db.destroy();
  });

  it('lets a client on each converge, with seqs strictly increasing', async () => {
    const [one, two] = [await startProcess(), await startProcess()];
    processes.push(one.child, two.child);
    const userId = crypto.randomUUID();
    const now = new Date();
    await createUser(db, userId, now);
    const session = async () => createSession(db, await addDevice(db, userId, 'device', now), now);
    const [phone, laptop] = [
      new SimulatedDevice({
        userId,
        deviceId: '',
        cookie: '',
        request: () => Promise.reject(new Error('unused')),
      }),
      new SimulatedDevice({
        userId,
        deviceId: '',
        cookie: '',
        request: () => Promise.reject(new Error('unused')),
      }),
    ];
    phone.remote = httpRemote(one.url, `__Host-weeknotes=${await session()}`);
    laptop.remote = httpRemote(two.url, `__Host-weeknotes=${await session()}`);

    for (let i = 0; i < 20; i++) {
      await phone.capture(`Phone moment ${i}`);
      await laptop.capture(`Laptop moment ${i}`);
    }
    await phone.writeDraft('2026-11-16', 'Intro\n\nMiddle\n\nEnd\n');
    await Promise.all([phone.sync(), laptop.sync()]);
    // The concurrent round may have crossed; one more makes sure the laptop has the draft.
    await laptop.sync();
    await laptop.writeDraft('2026-11-16', 'Intro\n\nMiddle\n\nEnd, from the laptop\n');
    await Promise.all([phone.sync(), laptop.sync()]);
    await Promise.all([phone.sync(), laptop.sync()]);

    const phoneTexts = (await phone.moments()).map((m) => m.text).sort();
    const laptopTexts = (await laptop.moments()).map((m) => m.text).sort();
    expect(phoneTexts).toHaveLength(40);
    expect(laptopTexts).toEqual(phoneTexts);
    expect((await phone.draft('2026-11-16'))?.body).toBe((await laptop.draft('2026-11-16'))?.body);
    expect((await phone.draft('2026-11-16'))?.body).toContain('End, from the laptop');

    const seqs = (
      await db
        .selectFrom('records')
        .select('seq')
        .where('user_id', '=', userId)
        .orderBy('seq')
        .execute()
    ).map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    await phone.close();
    await laptop.close();
  });
});
