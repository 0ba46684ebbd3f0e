import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testAccount, testMutation, testServer } from '../test-support.js';
import { groupCommittingPusher } from './group-commit.js';

const mutation = (id: string) => testMutation(id, 0, `{"text":"${id}"}`);

describe.each(ENGINES)('group commit on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  it('commits pushes that arrive together in one group, and a failing one fails alone', async () => {
    const { db, engine } = app.database;
    const groups: [number, boolean][] = [];
    const push = groupCommittingPusher(db, engine, {
      onGroup: (pushes, committed) => groups.push([pushes, committed]),
    });
    const a = await testAccount(app);
    const b = await testAccount(app);
    const now = new Date().toISOString();
    const outcomes = await Promise.allSettled([
      push(a.userId, [mutation('a-1'), mutation('a-2')], now),
      push('no-such-user', [mutation('x-1')], now),
      push(b.userId, [mutation('b-1')], now),
      push(a.userId, [mutation('a-1')], now),
    ]);
    expect(groups).toEqual([[4, true]]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    // The second create of a-1, in the same group, met the first: a conflict, not an overwrite.
    const last = outcomes[3];
    expect(last?.status === 'fulfilled' && last.value[0]?.status).toBe('conflict');
    const rows = await db
      .selectFrom('records')
      .select(['user_id', 'id', 'seq'])
      .where('user_id', 'in', [a.userId, b.userId])
      .orderBy('seq')
      .execute();
    expect(rows.filter((r) => r.user_id === a.userId).map((r) => r.id)).toEqual(['a-1', 'a-2']);
    expect(rows.filter((r) => r.user_id === b.userId).map((r) => r.id)).toEqual(['b-1']);
    expect(rows.some((r) => r.id === 'x-1')).toBe(false);
    expect(
      await db
        .selectFrom('mutations')
        .select('mutation_id')
        .where('user_id', '=', 'no-such-user')
        .execute(),
    ).toEqual([]);
  });

  it('answers a mutation sent twice in one group once applied, then as a duplicate', async () => {
    const { db, engine } = app.database;
    const push = groupCommittingPusher(db, engine);
    const a = await testAccount(app);
    const now = new Date().toISOString();
    const m = mutation('twice');
    const edit = testMutation('twice', 1, '{"text":"edited"}');
    const [first, again, edited, replayed] = await Promise.all([
      push(a.userId, [m], now),
      push(a.userId, [m], now),
      push(a.userId, [edit], now),
      push(a.userId, [m, edit], now),
    ]);
    expect(first?.[0]).toMatchObject({ status: 'applied', record: { version: 1 } });
    expect(again?.[0]).toEqual({ ...first?.[0], status: 'duplicate', replayed: 'applied' });
    expect(edited?.[0]).toMatchObject({ status: 'applied', record: { version: 2 } });
    expect(replayed?.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(replayed?.[1]?.record).toEqual(edited?.[0]?.record);
    // Seqs only rise, in the order the pushes came.
    expect(edited?.[0]?.record.seq).toBeGreaterThan(first?.[0]?.record.seq ?? Infinity);
  });

  it('keeps one user in one group at a time, in order, across lanes', async () => {
    const { db, engine } = app.database;
    const sizes: number[] = [];
    const push = groupCommittingPusher(db, engine, {
      lanes: 2,
      onGroup: (pushes) => sizes.push(pushes),
    });
    const a = await testAccount(app);
    const now = new Date().toISOString();
    // 70 pushes in one turn: more than one group holds, so the rest wait for the first.
    const answers = await Promise.all(
      Array.from({ length: 70 }, (_, i) => push(a.userId, [mutation(`n-${i}`)], now)),
    );
    const seqs = answers.map((r) => r[0]?.record.seq ?? 0);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(sizes).toEqual([64, 6]);
  });
});
