import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAccount, testMutation, testServer } from '../test-support.js';
import { groupCommittingPusher } from './records.js';

const mutation = (id: string) => testMutation(id, 0, `{"text":"${id}"}`);

describe('group commit on SQLite', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer();
  });
  afterAll(async () => {
    await app.close();
  });

  it('commits pushes that arrive together in one group, and a failing one fails alone', async () => {
    const { db } = app.database;
    const push = groupCommittingPusher(db);
    const a = await testAccount(app);
    const b = await testAccount(app);
    const now = new Date().toISOString();
    const outcomes = await Promise.allSettled([
      push(a.userId, [mutation('a-1'), mutation('a-2')], now),
      push('no-such-user', [mutation('x-1')], now),
      push(b.userId, [mutation('b-1')], now),
      push(a.userId, [mutation('a-1')], now),
    ]);
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
});
