/**
 * What the server keeps of a push to replay it, and how long: answers without payloads, mutation
 * ids forgotten after the replay window.
 */
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation, PushResponse } from '../../src/sync/protocol.js';
import {
  ENGINES,
  testAccount,
  testMutation,
  testServer,
  type TestDevice,
} from '../test-support.js';
import { expireMutations, REPLAY_WINDOW_MS } from './expiry.js';

const DAY_MS = 24 * 60 * 60 * 1000;

async function push(device: TestDevice, mutations: Mutation[]): Promise<PushResponse> {
  const res = await device.request({
    method: 'POST',
    url: '/api/sync/push',
    payload: { mutations },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PushResponse>();
}

describe.each(ENGINES)('replay storage on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  const stored = (userId: string) =>
    app.database.db
      .selectFrom('mutations')
      .select(['mutation_id', 'result', 'created_at'])
      .where('user_id', '=', userId)
      .execute();

  const age = (userId: string, mutationId: string, days: number) =>
    app.database.db
      .updateTable('mutations')
      .set({ created_at: new Date(Date.now() - days * DAY_MS).toISOString() })
      .where('user_id', '=', userId)
      .where('mutation_id', '=', mutationId)
      .execute();

  it('keeps an applied answer without its payload, and replays it exactly', async () => {
    const d = await testAccount(app);
    const secret = `draft text ${randomUUID()}`;
    const m = testMutation('draft-2026-11-16', 0, JSON.stringify({ body: secret }), {
      kind: 'draft',
    });
    const first = await push(d, [m]);
    const rows = await stored(d.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.result).not.toContain(secret);
    expect(rows[0]!.result.length).toBeLessThan(100);

    // The record moves on; the replay still answers what the first push was told.
    await push(d, [testMutation('draft-2026-11-16', 1, '{"body":"later"}', { kind: 'draft' })]);
    const again = await push(d, [m]);
    expect(again.results).toEqual([
      { ...first.results[0], status: 'duplicate', replayed: 'applied' },
    ]);
  });

  it('replays a conflict with the record as it was, after the record moved on', async () => {
    const d = await testAccount(app);
    await push(d, [testMutation('c', 0, '{"text":"v1"}')]);
    const stale = testMutation('c', 0, '{"text":"other v1"}');
    const first = await push(d, [stale]);
    expect(first.results[0]).toMatchObject({ status: 'conflict', record: { version: 1 } });
    await push(d, [testMutation('c', 1, '{"text":"v2"}')]);
    const again = await push(d, [stale]);
    expect(again.results).toEqual([
      { ...first.results[0], status: 'duplicate', replayed: 'conflict' },
    ]);
  });

  it('replays answers stored whole, as older servers kept them', async () => {
    const d = await testAccount(app);
    const m = testMutation('legacy', 0, '{"text":"legacy"}');
    const first = await push(d, [m]);
    await app.database.db
      .updateTable('mutations')
      .set({ result: JSON.stringify(first.results[0]) })
      .where('user_id', '=', d.userId)
      .execute();
    const again = await push(d, [m]);
    expect(again.results).toEqual([
      { ...first.results[0], status: 'duplicate', replayed: 'applied' },
    ]);
  });

  it('forgets mutation ids older than the replay window, and only those', async () => {
    expect(REPLAY_WINDOW_MS).toBe(30 * DAY_MS);
    const d = await testAccount(app);
    const old = testMutation('old', 0, '{"text":"old"}');
    const recent = testMutation('recent', 0, '{"text":"recent"}');
    await push(d, [old, recent]);
    await age(d.userId, old.mutationId, 31);
    await age(d.userId, recent.mutationId, 29);

    // Two processes expiring at once delete each row once, without an error.
    await Promise.all([
      expireMutations(app.database.db, app.database.engine, new Date()),
      expireMutations(app.database.db, app.database.engine, new Date()),
    ]);
    expect((await stored(d.userId)).map((r) => r.mutation_id)).toEqual([recent.mutationId]);

    const again = await push(d, [old, recent]);
    // A forgotten id is a new mutation: on a record it made, a conflict for the device to merge.
    expect(again.results.map((r) => [r.status, r.replayed])).toEqual([
      ['conflict', undefined],
      ['duplicate', 'applied'],
    ]);
  });

  it('expires a large backlog in batches', async () => {
    const d = await testAccount(app);
    const long = new Date(Date.now() - 40 * DAY_MS).toISOString();
    const rows = Array.from({ length: 12_000 }, () => ({
      user_id: d.userId,
      mutation_id: randomUUID(),
      result: '{"status":"applied","version":1,"seq":1}',
      created_at: long,
    }));
    for (let i = 0; i < rows.length; i += 1000)
      await app.database.db
        .insertInto('mutations')
        .values(rows.slice(i, i + 1000))
        .execute();
    await expireMutations(app.database.db, app.database.engine, new Date());
    expect(await stored(d.userId)).toEqual([]);
  });
});
