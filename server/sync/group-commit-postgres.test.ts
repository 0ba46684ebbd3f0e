import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.js';
import { testAccount, testMutation, testServer } from '../test-support.js';
import { groupCommittingPusher } from './group-commit.js';
import { pullChanges } from './records.js';

const databaseUrl = process.env.TEST_DATABASE_URL;
const mutation = (id: string, payload = `{"text":"${id}"}`) => testMutation(id, 0, payload);

/** Another server process's connections to the same database. */
const otherProcess = () =>
  new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: databaseUrl, max: 10 }),
    }),
  });

describe.runIf(databaseUrl)('group commit on PostgreSQL', () => {
  let app: FastifyInstance;
  let other: Kysely<Database>;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
    other = otherProcess();
  });
  afterAll(async () => {
    await other.destroy();
    await app.close();
  });

  it('fails a push whose statement fails alone; the others in its group are committed', async () => {
    const groups: [number, boolean][] = [];
    const push = groupCommittingPusher(app.database.db, 'postgres', {
      onGroup: (pushes, committed) => groups.push([pushes, committed]),
    });
    const a = await testAccount(app);
    const b = await testAccount(app);
    const now = new Date().toISOString();
    // PostgreSQL text cannot hold U+0000 (the routes refuse it first; here it reaches the database).
    const outcomes = await Promise.allSettled([
      push(a.userId, [mutation('a-1')], now),
      push(b.userId, [mutation('b-bad', '{"text":"\u0000"}')], now),
      push(b.userId, [mutation('b-1')], now),
      push(a.userId, [mutation('a-2')], now),
    ]);
    // The group's transaction failed as a whole, so each push was tried again on its own.
    expect(groups[0]).toEqual([4, false]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    // Answered only after commit: another connection sees every acknowledged record at once.
    const rows = await other
      .selectFrom('records')
      .select(['user_id', 'id'])
      .where('user_id', 'in', [a.userId, b.userId])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.id).sort()).toEqual(['a-1', 'a-2', 'b-1']);
    const answered = await other
      .selectFrom('mutations')
      .select('mutation_id')
      .where('user_id', 'in', [a.userId, b.userId])
      .execute();
    expect(answered).toHaveLength(3);
  });

  it('never deadlocks two processes whose groups hold the same users in other orders', async () => {
    const here = groupCommittingPusher(app.database.db, 'postgres');
    const there = groupCommittingPusher(other, 'postgres');
    const users = await Promise.all(Array.from({ length: 6 }, () => testAccount(app)));
    const ids = users.map((u) => u.userId);
    const now = new Date().toISOString();
    const rounds = await Promise.allSettled(
      Array.from({ length: 20 }, (_, r) => [
        ...ids.map((id) => here(id, [mutation(`h-${r}-${id}`)], now)),
        ...[...ids].reverse().map((id) => there(id, [mutation(`t-${r}-${id}`)], now)),
      ]).flat(),
    );
    expect(rounds.filter((o) => o.status === 'rejected')).toEqual([]);
  });

  it('lets a pull that runs alongside two processes pushing never skip a record', async () => {
    const here = groupCommittingPusher(app.database.db, 'postgres');
    const there = groupCommittingPusher(other, 'postgres');
    const a = await testAccount(app);
    const now = new Date().toISOString();
    const seen = new Set<string>();
    let cursor = 0;
    let pushing = true;
    const puller = (async () => {
      while (pushing) {
        const page = await pullChanges(app.database.db, a.userId, cursor, 7);
        for (const c of page.changes) seen.add(c.id);
        cursor = page.cursor;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const all: string[] = [];
    for (let r = 0; r < 15; r++) {
      const round = Array.from({ length: 8 }, (_, i) => `p-${r}-${i}`);
      all.push(...round);
      await Promise.all(
        round.map((id, i) => (i % 2 ? here : there)(a.userId, [mutation(id)], now)),
      );
    }
    pushing = false;
    await puller;
    for (;;) {
      const page = await pullChanges(app.database.db, a.userId, cursor, 50);
      for (const c of page.changes) seen.add(c.id);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect([...seen].sort()).toEqual([...all].sort());
  });
});
