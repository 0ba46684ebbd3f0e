import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation, PullResponse, PushResponse } from '../../src/sync/protocol.js';
import {
  ENGINES,
  testAccount,
  testMutation,
  testServer,
  type TestDevice,
} from '../test-support.js';

const mutation = testMutation;

async function push(device: TestDevice, mutations: Mutation[]): Promise<PushResponse> {
  const res = await device.request({
    method: 'POST',
    url: '/api/sync/push',
    payload: { mutations },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PushResponse>();
}

async function pull(device: TestDevice, since: number, limit?: number): Promise<PullResponse> {
  const res = await device.request({
    method: 'GET',
    url: `/api/sync/pull?since=${since}${limit ? `&limit=${limit}` : ''}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PullResponse>();
}

describe.each(ENGINES)('sync contract on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  it('applies creates, giving versions and strictly increasing seqs', async () => {
    const d = await testAccount(app);
    const { results } = await push(d, [
      mutation('a', 0, '{"text":"one"}'),
      mutation('b', 0, '{"text":"two"}'),
    ]);
    expect(results.map((r) => [r.status, r.record.id, r.record.version])).toEqual([
      ['applied', 'a', 1],
      ['applied', 'b', 1],
    ]);
    expect(results[1]!.record.seq).toBeGreaterThan(results[0]!.record.seq);
  });

  it('pulls changes since a cursor, page by page, oldest first', async () => {
    const d = await testAccount(app);
    await push(
      d,
      Array.from({ length: 7 }, (_, i) => mutation(`m${i}`, 0, `{"n":${i}}`)),
    );
    const seen: string[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await pull(d, cursor, 3);
      pages++;
      seen.push(...page.changes.map((c) => c.id));
      const seqs = page.changes.map((c) => c.seq);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    expect((await pull(d, cursor)).changes).toEqual([]);
  });

  it('answers a replayed mutation as a duplicate and applies nothing twice', async () => {
    const d = await testAccount(app);
    const m = mutation('r', 0, '{"text":"once"}');
    const first = await push(d, [m]);
    const again = await push(d, [m, m]);
    expect(again.results.map((r) => [r.status, r.replayed])).toEqual([
      ['duplicate', 'applied'],
      ['duplicate', 'applied'],
    ]);
    expect(again.results[0]!.record).toEqual(first.results[0]!.record);
    const all = await pull(d, 0);
    expect(all.changes).toHaveLength(1);
    expect(all.changes[0]!.version).toBe(1);
  });

  it('updates on the current version and refuses an old one as a conflict', async () => {
    const d = await testAccount(app);
    await push(d, [mutation('c', 0, '{"text":"v1"}')]);
    const ok = await push(d, [mutation('c', 1, '{"text":"v2 from phone"}')]);
    expect(ok.results[0]).toMatchObject({ status: 'applied', record: { version: 2 } });
    const stale = await push(d, [mutation('c', 1, '{"text":"v2 from laptop"}')]);
    expect(stale.results[0]).toMatchObject({
      status: 'conflict',
      record: { version: 2, payload: '{"text":"v2 from phone"}' },
    });
    const latest = await pull(d, 0);
    expect(latest.changes.map((c) => c.payload)).toEqual(['{"text":"v2 from phone"}']);
  });

  it('treats a second create of the same id as a conflict, never an overwrite', async () => {
    const d = await testAccount(app);
    await push(d, [mutation('draft-2026-11-16', 0, '{"body":"phone"}', { kind: 'draft' })]);
    const second = await push(d, [
      mutation('draft-2026-11-16', 0, '{"body":"laptop"}', { kind: 'draft' }),
    ]);
    expect(second.results[0]).toMatchObject({
      status: 'conflict',
      record: { payload: '{"body":"phone"}' },
    });
  });

  it('stores commitments like any record, one per id, and pulls them back by kind', async () => {
    const d = await testAccount(app);
    const id = 'commitment-2026-11-02-0abc123def4';
    await push(d, [mutation(id, 0, '{"text":"phone"}', { kind: 'commitment' })]);
    const second = await push(d, [mutation(id, 0, '{"text":"laptop"}', { kind: 'commitment' })]);
    expect(second.results[0]).toMatchObject({ status: 'conflict', record: { kind: 'commitment' } });
    const { changes } = await pull(d, 0);
    expect(changes.map((c) => [c.id, c.kind, c.payload])).toEqual([
      [id, 'commitment', '{"text":"phone"}'],
    ]);
  });

  it('carries deletes as tombstones', async () => {
    const d = await testAccount(app);
    await push(d, [mutation('t', 0, '{"text":"bye"}')]);
    const start = (await pull(d, 0)).cursor;
    await push(d, [mutation('t', 1, '{"text":"bye"}', { deleted: true })]);
    const { changes } = await pull(d, start);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ id: 't', deleted: true, version: 2 });
  });

  it('keeps each user to their own records', async () => {
    const alice = await testAccount(app);
    const bob = await testAccount(app);
    await push(alice, [mutation('shared-id', 0, '{"text":"alice"}')]);
    const bobs = await push(bob, [mutation('shared-id', 0, '{"text":"bob"}')]);
    expect(bobs.results[0]).toMatchObject({ status: 'applied', record: { version: 1 } });
    expect((await pull(alice, 0)).changes.map((c) => c.payload)).toEqual(['{"text":"alice"}']);
    expect((await pull(bob, 0)).changes.map((c) => c.payload)).toEqual(['{"text":"bob"}']);
    // Bob replaying Alice's mutation id is his own, separate mutation.
    const aliceMutation = mutation('x', 0, '{"text":"a"}');
    await push(alice, [aliceMutation]);
    const replayByBob = await push(bob, [{ ...aliceMutation, payload: '{"text":"b"}' }]);
    expect(replayByBob.results[0]?.status).toBe('applied');
    expect((await pull(alice, 0)).changes.find((c) => c.id === 'x')?.payload).toBe('{"text":"a"}');
  });

  it('gives seqs that strictly increase under concurrent pushes from many devices', async () => {
    const first = await testAccount(app);
    const devices = [
      first,
      ...(await Promise.all(Array.from({ length: 4 }, () => testAccount(app, first.userId)))),
    ];
    await Promise.all(
      devices.flatMap((d, i) =>
        Array.from({ length: 5 }, (_, j) =>
          push(d, [mutation(`c${i}-${j}`, 0, '{}'), mutation(`d${i}-${j}`, 0, '{}')]),
        ),
      ),
    );
    const { changes } = await pull(first, 0);
    expect(changes).toHaveLength(50);
    const seqs = changes.map((c) => c.seq);
    expect(new Set(seqs).size).toBe(50);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('refuses sync without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/sync/pull?since=0' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ reason: 'signed-out' });
  });
});
