import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyStore } from '../../src/crypto/key-store-protocol.js';
import { ENGINES, testAccount, testServer, type TestDevice } from '../test-support.js';
import { fakeKeys as fake } from './key-fakes.js';

/** A device with its own box registered on the server. */
async function withBox(device: TestDevice) {
  const publicKey = fake.publicKey();
  const res = await device.request({
    method: 'POST',
    url: '/api/keys/boxes',
    payload: { kind: 'device', publicKey },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { ...device, publicKey, boxId: res.json<{ id: string }>().id };
}

/** A new data key's id and a copy for each box, as a device sends them. */
function copiesFor(boxIds: string[]) {
  return {
    keyId: fake.keyId(),
    copies: boxIds.map((boxId) => ({ boxId, sender: fake.publicKey(), wrapped: fake.wrapped() })),
  };
}

async function keysOf(device: TestDevice): Promise<KeyStore> {
  const res = await device.request({ method: 'GET', url: '/api/keys' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<KeyStore>();
}

describe.each(ENGINES)('the key store on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets only one of two devices make the first data key, and rotates by compare and set', async () => {
    const one = await withBox(await testAccount(app));
    const two = await withBox(await testAccount(app, one.userId));
    const a = copiesFor([one.boxId]);
    const b = copiesFor([two.boxId]);
    const [ra, rb] = await Promise.all([
      one.request({
        method: 'POST',
        url: '/api/keys/data-keys',
        payload: { keyId: a.keyId, replaces: null, copies: a.copies },
      }),
      two.request({
        method: 'POST',
        url: '/api/keys/data-keys',
        payload: { keyId: b.keyId, replaces: null, copies: b.copies },
      }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([201, 409]);
    const winner = ra.statusCode === 201 ? a.keyId : b.keyId;
    const loser = ra.statusCode === 201 ? rb : ra;
    expect(loser.json()).toMatchObject({ currentKeyId: winner });
    expect((await keysOf(one)).currentKeyId).toBe(winner);

    const next = copiesFor([one.boxId]);
    const rotate = (replaces: string) =>
      one.request({
        method: 'POST',
        url: '/api/keys/data-keys',
        payload: { keyId: next.keyId, replaces, copies: next.copies },
      });
    const stale = await rotate(winner === a.keyId ? b.keyId : a.keyId);
    expect(stale.statusCode).toBe(409);
    expect((await rotate(winner)).statusCode).toBe(201);
    expect((await rotate(winner)).statusCode).toBe(409);
    const store = await keysOf(two);
    expect(store.currentKeyId).toBe(next.keyId);
    expect(store.keys.map((k) => k.keyId)).toEqual([winner, next.keyId]);

    const del = (keyId: string) =>
      one.request({ method: 'DELETE', url: `/api/keys/data-keys/${keyId}`, payload: {} });
    expect((await del(next.keyId)).statusCode).toBe(409);
    expect((await del(winner)).statusCode).toBe(200);
    const after = await keysOf(one);
    expect(after.keys.map((k) => k.keyId)).toEqual([next.keyId]);
    expect(after.copies.map((c) => c.keyId)).toEqual([next.keyId]);
    expect((await del(winner)).statusCode).toBe(404);
  });

  it('drops a revoked device’s box and every copy wrapped for it', async () => {
    const laptop = await withBox(await testAccount(app));
    const lost = await withBox(await testAccount(app, laptop.userId));
    const { keyId, copies } = copiesFor([laptop.boxId, lost.boxId]);
    await laptop.request({
      method: 'POST',
      url: '/api/keys/data-keys',
      payload: { keyId, replaces: null, copies },
    });
    const revoke = await laptop.request({
      method: 'POST',
      url: `/api/devices/${lost.deviceId}/revoke`,
      payload: {},
    });
    expect(revoke.statusCode).toBe(200);
    const store = await keysOf(laptop);
    expect(store.boxes.map((b) => b.id)).toEqual([laptop.boxId]);
    expect(store.copies.map((c) => c.boxId)).toEqual([laptop.boxId]);
  });

  it('keeps one account’s keys from another', async () => {
    const alice = await withBox(await testAccount(app));
    const bob = await withBox(await testAccount(app));
    const a = copiesFor([alice.boxId]);
    await alice.request({
      method: 'POST',
      url: '/api/keys/data-keys',
      payload: { keyId: a.keyId, replaces: null, copies: a.copies },
    });
    const b = copiesFor([alice.boxId]);
    const intoAlices = await bob.request({
      method: 'POST',
      url: '/api/keys/data-keys',
      payload: { keyId: b.keyId, replaces: null, copies: b.copies },
    });
    expect(intoAlices.statusCode).toBe(400);
    expect(intoAlices.json()).toMatchObject({ path: 'copies.0.boxId' });
    const onAlicesKey = await bob.request({
      method: 'POST',
      url: '/api/keys/copies',
      payload: { keyId: a.keyId, copies: b.copies },
    });
    expect(onAlicesKey.statusCode).toBe(404);
    expect(
      (await bob.request({ method: 'DELETE', url: `/api/keys/boxes/${alice.boxId}`, payload: {} }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await bob.request({
          method: 'DELETE',
          url: `/api/keys/data-keys/${a.keyId}`,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
    const bobs = JSON.stringify(await keysOf(bob));
    expect(bobs).not.toContain(alice.boxId);
    expect(bobs).not.toContain(a.keyId);
    expect((await keysOf(alice)).boxes).toHaveLength(1);
  });

  it('gives each device one box of its own', async () => {
    const device = await withBox(await testAccount(app));
    const again = await device.request({
      method: 'POST',
      url: '/api/keys/boxes',
      payload: { kind: 'device', publicKey: fake.publicKey() },
    });
    expect(again.statusCode).toBe(409);
    const removed = await device.request({
      method: 'DELETE',
      url: `/api/keys/boxes/${device.boxId}`,
      payload: {},
    });
    expect(removed.statusCode).toBe(200);
    expect((await withBox(device)).boxId).not.toBe(device.boxId);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a short public key', { kind: 'device', publicKey: 'AAAA' }, 'publicKey'],
    [
      'a sealed private key on a device box',
      { kind: 'device', publicKey: 'A'.repeat(87), sealed: 'wnb.AA' },
      '',
    ],
    [
      'a passkey box without its credential',
      { kind: 'prf', publicKey: 'A'.repeat(87), sealed: 'wnb.AA' },
      'credentialId',
    ],
    [
      'a recovery box that is not sealed',
      { kind: 'recovery', publicKey: 'A'.repeat(87), sealed: '{"d":"…"}' },
      'sealed',
    ],
    ['an unknown kind', { kind: 'email', publicKey: 'A'.repeat(87) }, 'kind'],
  ])('refuses a box with %s', async (_, payload, path) => {
    const device = await testAccount(app);
    const res = await device.request({ method: 'POST', url: '/api/keys/boxes', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toContain(path);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a key id that is not hex', { keyId: 'not-a-key-id-000', replaces: null, copies: [] }],
    ['no copies', { keyId: '0123456789abcdef', replaces: null, copies: [] }],
    [
      'a copy that is not a wrapped key',
      {
        keyId: '0123456789abcdef',
        replaces: null,
        copies: [
          { boxId: crypto.randomUUID(), sender: 'A'.repeat(87), wrapped: 'the key in clear' },
        ],
      },
    ],
    ['an extra field', { keyId: '0123456789abcdef', replaces: null, copies: [], rawKey: 'AAAA' }],
  ])('refuses a data key with %s', async (_, payload) => {
    const device = await testAccount(app);
    const res = await device.request({ method: 'POST', url: '/api/keys/data-keys', payload });
    expect(res.statusCode).toBe(400);
    expect((await keysOf(device)).keys).toEqual([]);
  });

  it('answers only a signed-in device', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/keys' })).statusCode).toBe(401);
  });
});
