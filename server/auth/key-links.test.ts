import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkState } from '../../src/crypto/key-store-protocol.js';
import { ENGINES, ORIGIN, testAccount, testServer, type TestDevice } from '../test-support.js';
import { fakeKeys as fake } from './key-fakes.js';

describe.each(ENGINES)('the link relay on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  /** A signed-in device opens a link code and its relay; a new device signs in with the code. */
  async function startLink(old?: TestDevice) {
    const oldDevice = old ?? (await testAccount(app));
    const made = await oldDevice.request({
      method: 'POST',
      url: '/api/auth/link-code',
      payload: {},
    });
    const { code } = made.json<{ code: string }>();
    const opened = await oldDevice.request({
      method: 'POST',
      url: '/api/keys/links',
      payload: { code },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { id } = opened.json<{ id: string }>();
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/link',
      payload: { code, deviceName: 'New laptop' },
      headers: { origin: ORIGIN },
    });
    const token = signIn.cookies.find((c) => c.name === '__Host-weeknotes')!.value;
    const cookie = `__Host-weeknotes=${token}`;
    const newDevice: Pick<TestDevice, 'request'> = {
      request: (options) =>
        app.inject({ ...options, headers: { origin: ORIGIN, cookie, ...(options.headers ?? {}) } }),
    };
    return { oldDevice, newDevice, code, id };
  }

  const step = (device: Pick<TestDevice, 'request'>, id: string, name: string, payload: object) =>
    device.request({ method: 'PUT', url: `/api/keys/links/${id}/${name}`, payload });
  const read = async (device: Pick<TestDevice, 'request'>, id: string) =>
    device.request({ method: 'GET', url: `/api/keys/links/${id}` });

  it('relays a commitment, two public keys and a wrapped key, each once and in order', async () => {
    const { oldDevice, newDevice, code, id } = await startLink();
    const commitment = fake.commitment();
    const joined = await newDevice.request({
      method: 'POST',
      url: '/api/keys/links/join',
      payload: { code, commitment },
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({ id });

    const oldKey = fake.publicKey();
    const newKey = fake.publicKey();
    const wrapped = fake.wrapped();
    // Out of order, or by the wrong device, is refused.
    expect((await step(oldDevice, id, 'wrapped', { wrapped })).statusCode).toBe(409);
    expect((await step(newDevice, id, 'new-key', { publicKey: newKey })).statusCode).toBe(409);
    expect((await step(newDevice, id, 'old-key', { publicKey: oldKey })).statusCode).toBe(403);
    expect((await step(oldDevice, id, 'old-key', { publicKey: oldKey })).statusCode).toBe(200);
    expect((await step(oldDevice, id, 'old-key', { publicKey: fake.publicKey() })).statusCode).toBe(
      409,
    );
    expect((await step(oldDevice, id, 'new-key', { publicKey: newKey })).statusCode).toBe(403);
    expect((await step(newDevice, id, 'new-key', { publicKey: newKey })).statusCode).toBe(200);
    expect((await step(newDevice, id, 'wrapped', { wrapped })).statusCode).toBe(403);
    expect((await step(oldDevice, id, 'wrapped', { wrapped })).statusCode).toBe(200);

    const seen = (await read(newDevice, id)).json<LinkState>();
    expect(seen).toMatchObject({
      id,
      role: 'new',
      commitment,
      oldPublicKey: oldKey,
      newPublicKey: newKey,
      wrapped,
    });
    expect((await read(oldDevice, id)).json<LinkState>().role).toBe('old');
    expect(
      (await newDevice.request({ method: 'DELETE', url: `/api/keys/links/${id}`, payload: {} }))
        .statusCode,
    ).toBe(200);
    expect((await read(newDevice, id)).statusCode).toBe(404);
    expect((await read(oldDevice, id)).statusCode).toBe(404);
  });

  it('lets one new device join, and shows the link to no other device or account', async () => {
    const { oldDevice, newDevice, code, id } = await startLink();
    const third = await testAccount(app, oldDevice.userId);
    const stranger = await testAccount(app);
    const join = (device: Pick<TestDevice, 'request'>) =>
      device.request({
        method: 'POST',
        url: '/api/keys/links/join',
        payload: { code, commitment: fake.commitment() },
      });
    expect((await join(oldDevice)).statusCode).toBe(404);
    expect((await join(stranger)).statusCode).toBe(404);
    expect((await join(newDevice)).statusCode).toBe(200);
    expect((await join(third)).statusCode).toBe(404);
    for (const other of [third, stranger]) {
      expect((await read(other, id)).statusCode).toBe(404);
      expect((await step(other, id, 'old-key', { publicKey: fake.publicKey() })).statusCode).toBe(
        404,
      );
      expect(
        (await other.request({ method: 'DELETE', url: `/api/keys/links/${id}`, payload: {} }))
          .statusCode,
      ).toBe(404);
    }
    expect((await read(oldDevice, id)).json<LinkState>().commitment).not.toBeNull();
  });

  it('opens a relay only for a live link code of the same account, once', async () => {
    const alice = await testAccount(app);
    const bob = await testAccount(app);
    const { code } = (
      await alice.request({ method: 'POST', url: '/api/auth/link-code', payload: {} })
    ).json<{ code: string }>();
    const open = (device: TestDevice, typed = code) =>
      device.request({ method: 'POST', url: '/api/keys/links', payload: { code: typed } });
    expect((await open(bob)).statusCode).toBe(404);
    expect((await open(alice, 'ZZZZ-ZZZZ')).statusCode).toBe(404);
    expect((await open(alice, code.toLowerCase().replace('-', ' '))).statusCode).toBe(201);
    expect((await open(alice)).statusCode).toBe(409);
  });

  it('forgets a relay when its link code expires', async () => {
    const { oldDevice, newDevice, code, id } = await startLink();
    await app.database.db
      .updateTable('key_links')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    expect((await read(oldDevice, id)).statusCode).toBe(404);
    const join = await newDevice.request({
      method: 'POST',
      url: '/api/keys/links/join',
      payload: { code, commitment: fake.commitment() },
    });
    expect(join.statusCode).toBe(404);
    // Opening another relay clears expired ones out.
    await startLink(oldDevice);
    const left = await app.database.db
      .selectFrom('key_links')
      .select('id')
      .where('id', '=', id)
      .execute();
    expect(left).toEqual([]);
  });

  it.each<[string, string, object]>([
    ['a public key that is not one', 'old-key', { publicKey: 'not a key' }],
    ['a wrapped key in clear', 'wrapped', { wrapped: 'AAAA' }],
    ['an extra field', 'old-key', { publicKey: 'A'.repeat(87), note: 'hi' }],
    ['an unknown step', 'private-key', { publicKey: 'A'.repeat(87) }],
  ])('refuses %s', async (_, name, payload) => {
    const { oldDevice, id } = await startLink();
    expect((await step(oldDevice, id, name, payload)).statusCode).toBe(400);
  });
});
